package dev.waotp.bench;

import dev.waotp.AuthTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What waotp-processor adds to a build: javac, in this JVM, on 1, 10, 100 and 1000 generated
 * {@code @AuthTemplate} interfaces, once with {@code -proc:none} and once with the processor on the
 * processor path (a fresh class loader each time, as in a real build), so the difference includes
 * compiling the senders it generates. Runs alternate between the two after a warm-up; medians are
 * written as JSON for {@link Report}. At the largest size the interfaces are also compiled together with
 * the generated senders as plain sources, without the processor, which splits what the processor adds
 * into compiling its output and annotation processing proper.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.waotp.bench.ProcessorCost <out.json>}
 */
public final class ProcessorCost {
    private static final int[] SIZES = {1, 10, 100, 1000};
    private static final String PROCESSOR = "dev.waotp.processor.AuthTemplateProcessor";

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path classPath;
    private final Path work;

    private ProcessorCost(Path classPath, Path work) {
        this.classPath = classPath;
        this.work = work;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProcessorCost <out.json>");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("waotp-processor-cost");
        try {
            // The runtime's annotations and the processor are both in the benchmarks' jar.
            ProcessorCost cost = new ProcessorCost(jarOf(AuthTemplate.class), work);
            ObjectNode result = cost.run();
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), result);
        } finally {
            delete(work);
        }
    }

    private ObjectNode run() throws IOException {
        List<List<Path>> sources = new ArrayList<>();
        for (int size : SIZES) {
            sources.add(writeSources(size));
        }
        // javac and the processor keep getting faster for the first few large compilations.
        log("warming up javac");
        for (int i = 0; i < 6; i++) {
            compile(sources.get(2), false);
            compile(sources.get(2), true);
        }
        for (int i = 0; i < 2; i++) {
            compile(sources.get(3), false);
            compile(sources.get(3), true);
        }
        // The senders the processor writes for the largest size, kept to compile them as plain sources:
        // what javac spends on them apart from annotation processing.
        List<Path> largestWithSenders = new ArrayList<>(sources.get(SIZES.length - 1));
        largestWithSenders.addAll(generatedSenders(sources.get(SIZES.length - 1)));
        ObjectNode result = new ObjectMapper().createObjectNode();
        result.put("javaVersion", System.getProperty("java.version"));
        ArrayNode rows = result.putArray("sizes");
        for (int s = 0; s < SIZES.length; s++) {
            int size = SIZES[s];
            int repetitions = size >= 1000 ? 5 : size >= 100 ? 7 : 15;
            boolean largest = s == SIZES.length - 1;
            double[] without = new double[repetitions];
            double[] with = new double[repetitions];
            double[] sendersAsSources = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                without[r] = compile(sources.get(s), false);
                with[r] = compile(sources.get(s), true);
                if (largest) {
                    sendersAsSources[r] = compile(largestWithSenders, false);
                }
            }
            ObjectNode row = rows.addObject();
            row.put("interfaces", size);
            row.put("repetitions", repetitions);
            row.put("withoutMs", median(without));
            row.put("withMs", median(with));
            if (largest) {
                row.put("sendersAsSourcesMs", median(sendersAsSources));
            }
            log(String.format(Locale.ROOT, "%5d interfaces: -proc:none %8.1f ms, processor %8.1f ms",
                    size, median(without), median(with)));
        }
        return result;
    }

    /** {@code size} interfaces shaped like a real one: a blocking send and one with a ref. */
    private List<Path> writeSources(int size) throws IOException {
        Path dir = Files.createDirectories(work.resolve("src" + size).resolve("bench/generated"));
        List<Path> files = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = String.format(Locale.ROOT, "Template%04d", i);
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, String.join("\n",
                    "package bench.generated;",
                    "",
                    "import dev.waotp.AuthTemplate;",
                    "import dev.waotp.Otp;",
                    "import dev.waotp.Ref;",
                    "import dev.waotp.SendResult;",
                    "import dev.waotp.To;",
                    "import java.util.concurrent.CompletableFuture;",
                    "",
                    "@AuthTemplate(name = \"auth_" + i + "\", lang = \"en_US\")",
                    "public interface " + name + " {",
                    "    SendResult send(@To String phone, @Otp String code);",
                    "",
                    "    CompletableFuture<SendResult> sendAsync(@To String phone, @Otp String code, @Ref String ref);",
                    "}",
                    ""), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** The sources the processor generates for {@code interfaces}, copied out of one compilation. */
    private List<Path> generatedSenders(List<Path> interfaces) throws IOException {
        Path out = Files.createTempDirectory(work, "senders");
        compile(interfaces, true, out);
        try (Stream<Path> paths = Files.walk(out.resolve("generated"))) {
            return paths.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }

    /** One javac run, as a build tool runs it; returns milliseconds. */
    private double compile(List<Path> sources, boolean withProcessor) throws IOException {
        Path out = Files.createTempDirectory(work, "out");
        double millis = compile(sources, withProcessor, out);
        delete(out);
        return millis;
    }

    private double compile(List<Path> sources, boolean withProcessor, Path out) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "--release", "17",
                "-cp", classPath.toString(),
                "-d", Files.createDirectories(out.resolve("classes")).toString(),
                "-s", Files.createDirectories(out.resolve("generated")).toString()));
        if (withProcessor) {
            options.addAll(List.of("-processorpath", classPath.toString(), "-processor", PROCESSOR));
        } else {
            options.add("-proc:none");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        long start = System.nanoTime();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (!ok) {
            throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
        }
        long interfaces = sources.stream().filter(path -> !path.toString().endsWith("Impl.java")).count();
        long senders = countFiles(out.resolve("classes"), "Impl.class");
        if (senders != (withProcessor || interfaces < sources.size() ? interfaces : 0)) {
            throw new IllegalStateException(senders + " senders compiled for " + interfaces + " interfaces");
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long countFiles(Path dir, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).count();
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void log(String line) {
        System.err.println("[processor cost] " + line);
    }
}
