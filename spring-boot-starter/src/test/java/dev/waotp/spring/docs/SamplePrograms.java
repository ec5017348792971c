package dev.waotp.spring.docs;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The blocks of one document as one program: every block a source file, compiled together on the tests' class
 * path with the waotp processor, then the blocks that are test classes run on the JUnit Platform. Any problem
 * fails with the document and the line it is on.
 */
final class SamplePrograms {
    private static final String PROCESSOR = "dev.waotp.processor.AuthTemplateProcessor";

    private SamplePrograms() {}

    /** Compiles and runs the blocks of one document; throws an {@link AssertionError} naming what failed where. */
    static void check(List<JavaBlock> blocks, Path workDirectory) throws IOException {
        List<JavaBlock> compiled = blocks.stream().filter(block -> block.notCompiled() == null).toList();
        List<String> problems = new ArrayList<>();
        Map<Path, JavaBlock> sources = write(compiled, workDirectory.resolve("src"), problems);
        fail(problems);
        if (sources.isEmpty()) {
            return;
        }
        Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        compile(sources, classes, workDirectory, problems);
        fail(problems);
        run(compiled.stream().filter(JavaBlock::isTest).toList(), classes, problems);
        fail(problems);
    }

    private static Map<Path, JavaBlock> write(List<JavaBlock> blocks, Path src, List<String> problems)
            throws IOException {
        Map<Path, JavaBlock> sources = new HashMap<>();
        for (JavaBlock block : blocks) {
            if (block.typeName().isEmpty()) {
                problems.add(block.at(1) + ": the block is not a compilation unit (imports, then a type); put"
                        + " <!-- not compiled: why --> before it if it is an excerpt");
                continue;
            }
            Path file = src.resolve(block.qualifiedName().replace('.', '/') + ".java");
            JavaBlock earlier = sources.get(file);
            if (earlier != null) {
                problems.add(block.at(1) + ": " + block.qualifiedName() + " is declared again (first at "
                        + earlier.at(1) + ")");
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.code());
            sources.put(file, block);
        }
        return sources;
    }

    private static void compile(Map<Path, JavaBlock> sources, Path classes, Path work, List<String> problems)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = classPath();
        List<String> options = List.of("--release", "17", "-parameters", "-d", classes.toString(),
                "-s", Files.createDirectories(work.resolve("generated")).toString(), "-classpath", classPath,
                "-processorpath", classPath, "-processor", PROCESSOR);
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources.keySet());
            if (compiler.getTask(null, files, diagnostics, options, null, units).call()) {
                return;
            }
        }
        Map<String, JavaBlock> byUri = new HashMap<>();
        sources.forEach((file, block) -> byUri.put(file.toUri().normalize().toString(), block));
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            JavaBlock block = diagnostic.getSource() == null ? null
                    : byUri.get(diagnostic.getSource().toUri().normalize().toString());
            String where = block != null ? block.at(diagnostic.getLineNumber())
                    : sources.values().iterator().next().document();
            problems.add(where + ": " + diagnostic.getMessage(Locale.ROOT));
        }
    }

    private static void run(List<JavaBlock> tests, Path classes, List<String> problems) {
        if (tests.isEmpty()) {
            return;
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {url(classes)}, SamplePrograms.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Spring finds the application class and the templates through the context class loader.
        thread.setContextClassLoader(loader);
        try {
            for (JavaBlock test : tests) {
                runOne(test, loader, problems);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        // The loader stays open: Spring's test context cache keeps the samples' contexts until the JVM ends.
    }

    private static void runOne(JavaBlock test, ClassLoader loader, List<String> problems) {
        LauncherDiscoveryRequest request;
        try {
            request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(test.qualifiedName()))).build();
        } catch (ClassNotFoundException e) {
            problems.add(test.at(1) + ": " + test.qualifiedName() + " was not compiled");
            return;
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsFoundCount() == 0) {
            problems.add(test.at(1) + ": " + test.qualifiedName() + " has no test that JUnit finds");
        }
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            problems.add(test.at(1) + ": " + test.qualifiedName() + " " + failure.getTestIdentifier().getDisplayName()
                    + " failed: " + causes(failure.getException()));
        }
    }

    /** Each cause's class and message: a failed Spring context hides the reason several causes down. */
    private static String causes(Throwable failure) {
        StringBuilder causes = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            causes.append("\n    caused by ").append(cause);
        }
        return causes.toString();
    }

    /** Surefire hands the test JVM a one-jar class path, and the real one in this property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static URL url(Path directory) {
        try {
            return directory.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }
}
