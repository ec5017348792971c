package dev.waotp.spring.docs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a document: its code, the line of the document its first line is on, and why it
 * is not compiled, when an {@code <!-- not compiled: reason -->} comment says so.
 *
 * @param document the document's path from the repository's root, as reports name it
 * @param line the document's line of the block's first line of code, from 1
 * @param code the code, without the fence and the fence's indentation
 * @param notCompiled the reason the block is shown only, or null
 */
record JavaBlock(String document, int line, String code, String notCompiled) {
    /** A top-level type starts a line; nested ones are indented. Annotations before it may share its line. */
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*"
            + "((?:public|abstract|final|sealed|non-sealed|strictfp|static)\\s+)*"
            + "(?:class|interface|enum|record|@interface)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /** Where a report points: {@code docs/guides/x.md:12}, for a line of the block counted from 1. */
    String at(long blockLine) {
        return document + ":" + (line + blockLine - 1);
    }

    /** The package, or the empty string for the unnamed one. */
    String packageName() {
        Matcher matcher = PACKAGE.matcher(code);
        return matcher.find() ? matcher.group(1) : "";
    }

    /**
     * The type the file is named after: the public top-level type, else the first one; empty when the block
     * declares no top-level type, so it is not a compilation unit.
     */
    Optional<String> typeName() {
        Matcher matcher = TYPE.matcher(code);
        String first = null;
        while (matcher.find()) {
            if (matcher.group(1) != null && matcher.group(1).contains("public")) {
                return Optional.of(matcher.group(2));
            }
            if (first == null) {
                first = matcher.group(2);
            }
        }
        return Optional.ofNullable(first);
    }

    /** The full name of the type the file is named after. */
    String qualifiedName() {
        String type = typeName().orElseThrow();
        return packageName().isEmpty() ? type : packageName() + "." + type;
    }

    /** Whether the block is a JUnit test class, to be run: its type's name ends in {@code Test}. */
    boolean isTest() {
        return typeName().map(name -> name.endsWith("Test")).orElse(false);
    }
}
