package dev.waotp.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.waotp.KaleyraClient;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import mockwebserver3.MockWebServer;

/** Compiles test sources with the processor, and loads what came out. */
final class Compilations {
    static final String AUTH1 = "@AuthTemplate(name = \"auth1\", lang = \"en_US\")";
    static final String SEND = "SendResult send(@To String phone, @Otp String code);";

    /** The smallest valid template, for tests about what surrounds the generated code. */
    static final JavaFileObject LOGIN_CODE = template("LoginCode", AUTH1, SEND);

    /** A client of the test account for {@code server}, as the send tests build it around a generated sender. */
    static KaleyraClient clientFor(MockWebServer server) {
        return KaleyraClient.builder()
                .sid("HXAP16XXXXXX97IN")
                .apiKey("k")
                .businessNumber("+919000000000")
                .baseUrl(server.url("/").toString())
                .build();
    }

    private Compilations() {}

    /** The processor on a compiler whose classpath is the tests' own: runtime, jakarta and javax inject. */
    static Compiler compiler() {
        return javac().withProcessors(new AuthTemplateProcessor());
    }

    static Compilation compile(JavaFileObject... sources) {
        return compiler().compile(sources);
    }

    /**
     * Interface {@code com.acme.<name>} with {@code annotation} on it and one line per member, importing
     * {@code dev.waotp.*}; the annotation is on line 5 (or from line 5, when it holds line breaks).
     */
    static JavaFileObject template(String name, String annotation, String... members) {
        List<String> lines = new ArrayList<>(List.of(
                "package com.acme;", "", "import dev.waotp.*;", "", annotation, "public interface " + name + " {"));
        for (String member : members) {
            lines.add("    " + member);
        }
        lines.add("}");
        return source("com.acme." + name, lines.toArray(String[]::new));
    }

    /** A source file named after its fully qualified top-level class, one line per argument. */
    static JavaFileObject source(String className, String... lines) {
        return JavaFileObjects.forSourceLines(className, lines);
    }

    /** The jar or folder that {@code className} is loaded from, to build a narrower classpath. */
    static File locationOf(String className) {
        try {
            return new File(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the classes compiled in {@code compilation}, with the tests' classes (the runtime) as parent. */
    static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            // In-memory files are named mem:///CLASS_OUTPUT/com/acme/LoginCode.class.
            String path = file.toUri().getPath();
            String name = path.substring("/CLASS_OUTPUT/".length(), path.length() - ".class".length())
                    .replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(Compilations.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** Asserts that {@code compilation} failed with only this error, on the line of {@code file} with {@code line}. */
    static void assertOnlyError(Compilation compilation, String message, JavaFileObject file, String line) {
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    }

    /** Writes the class files {@code compilation} produced under {@code directory}, as a library's would be. */
    static void writeClasses(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = directory.resolve(file.toUri().getPath().substring("/CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
