package dev.waotp.spring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```java} blocks of a Markdown document, in order. A fence may be indented (inside a list item); its
 * indentation is taken off every line of the block. A block whose last non-blank line before the fence is
 * {@code <!-- not compiled: reason -->} is shown only.
 */
final class MarkdownJavaBlocks {
    private static final Pattern OPENING = Pattern.compile("^( *)(`{3,}|~{3,})\\s*java\\s*$");
    private static final Pattern NOT_COMPILED = Pattern.compile("^\\s*<!--\\s*not compiled:\\s*(\\S.*?)\\s*-->\\s*$");
    private static final Pattern ANY_OPENING = Pattern.compile("^ *(`{3,}|~{3,}).*$");

    private MarkdownJavaBlocks() {}

    static List<JavaBlock> read(Path file, String document) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<JavaBlock> blocks = new ArrayList<>();
        String lastText = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher java = OPENING.matcher(line);
            Matcher other = ANY_OPENING.matcher(line);
            if (java.matches() || other.matches()) {
                String fence = java.matches() ? java.group(2) : other.group(1);
                int indent = java.matches() ? java.group(1).length() : line.indexOf(fence.charAt(0));
                int end = closing(lines, i + 1, fence);
                if (java.matches()) {
                    Matcher skip = NOT_COMPILED.matcher(lastText);
                    blocks.add(new JavaBlock(document, i + 2, code(lines, i + 1, end, indent),
                            skip.matches() ? skip.group(1) : null));
                }
                i = end;
                lastText = "";
            } else if (!line.isBlank()) {
                lastText = line;
            }
        }
        return blocks;
    }

    /** The line of the closing fence, or the end of the document, as Markdown reads an unclosed one. */
    private static int closing(List<String> lines, int from, String fence) {
        for (int i = from; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0))) {
                return i;
            }
        }
        return lines.size();
    }

    private static String code(List<String> lines, int from, int to, int indent) {
        StringBuilder code = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            int cut = 0;
            while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
                cut++;
            }
            code.append(line, cut, line.length()).append('\n');
        }
        return code.toString();
    }
}
