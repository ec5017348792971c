package dev.waotp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Prints the results of one run as Markdown tables with the ratios the targets are about. With a second
 * results folder, the figures of that earlier run are shown beside, as "before".
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.waotp.bench.Report <results> [<results before>]}, where a
 * results folder holds {@code jmh.json} (JMH {@code -rf json}) and {@code processor.json}
 * ({@link ProcessorCost}).
 */
public final class Report {
    private static final String PAYLOAD = "dev.waotp.bench.PayloadBenchmark.";
    private static final String SEND = "dev.waotp.bench.SendBenchmark.";

    private final Run now;
    private final Optional<Run> before;
    private final StringBuilder out = new StringBuilder();

    private Report(Run now, Optional<Run> before) {
        this.now = now;
        this.before = before;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Report <results> [<results before>]");
            System.exit(2);
        }
        Run now = Run.read(Path.of(args[0]));
        Optional<Run> before = args.length == 2 ? Optional.of(Run.read(Path.of(args[1]))) : Optional.empty();
        System.out.print(new Report(now, before).write());
    }

    private String write() throws IOException {
        line("Machine: %s, %d cores; %s; %s (UTC).", cpu(), Runtime.getRuntime().availableProcessors(),
                now.jdk, LocalDate.now(ZoneOffset.UTC));
        line("");
        payload();
        send();
        processor();
        return out.toString();
    }

    private void payload() {
        line("### Payload building (one message: build, encode, hand to an in-process OkHttp client)");
        line("");
        line("| variant | ns/op%s | B/op%s | ÷ raw bytes | Map+ObjectMapper ÷ this |",
                beforeHeader(), beforeHeader());
        line("| --- | ---: |%s ---: |%s ---: | ---: |", beforeAlign(), beforeAlign());
        double raw = now.score(PAYLOAD + "rawBytes");
        double map = now.score(PAYLOAD + "mapObjectMapper");
        for (String variant : new String[] {"generated", "mapObjectMapper", "rawBytes"}) {
            String name = PAYLOAD + variant;
            double ns = now.score(name);
            line("| %s | %s%s | %s%s | %s | %s |", variant, number(ns), before(run -> run.score(name)),
                    number(now.allocated(name)), before(run -> run.allocated(name)), ratio(ns / raw), ratio(map / ns));
        }
        double generated = now.score(PAYLOAD + "generated");
        line("");
        line("generated goes through KaleyraClient (Retrofit, and reading the answer); the others post to"
                + " the same OkHttp client directly and read only the status.");
        line("");
        target("generated within 2x of raw bytes", generated / raw, "x", generated / raw <= 2.0);
        target("generated at least 3x faster than Map + ObjectMapper", map / generated, "x", map / generated >= 3.0);
        line("");
    }

    private void send() {
        line("### End to end over loopback (blocking send, one request in flight per thread)");
        line("");
        line("Throughput is the median Throughput-mode iteration; the latencies come from a separate SampleTime"
                + " run, whose mean gives a second throughput ratio (raw mean ÷ this mean).");
        line("");
        line("| variant | in flight | ops/s%s | ÷ raw OkHttp | p50 µs | p99 µs | ÷ raw (SampleTime) | B/op |",
                beforeHeader());
        line("| --- | ---: | ---: |%s ---: | ---: | ---: | ---: | ---: |", beforeAlign());
        for (int threads : new int[] {1, 32}) {
            for (String variant : new String[] {"generatedSender", "retrofitJackson", "rawOkHttp"}) {
                String name = SEND + variant + "_" + threads;
                line("| %s | %d | %s%s | %s | %s | %s | %s | %s |", variant, threads, number(now.throughput(name)),
                        before(run -> run.throughput(name)), ratio(throughputRatio(variant, threads)),
                        number(now.percentileMicros(name, "50.0")), number(now.percentileMicros(name, "99.0")),
                        ratio(latencyRatio(variant, threads)), number(now.allocated(name)));
            }
        }
        line("");
        for (int threads : new int[] {1, 32}) {
            double byThroughput = throughputRatio("generatedSender", threads);
            double byLatency = latencyRatio("generatedSender", threads);
            line("- generated sender at least 0.95x raw OkHttp, %d in flight: %.2fx (Throughput), %.2fx (SampleTime),"
                    + " %s", threads, byThroughput, byLatency,
                    byThroughput >= 0.95 && byLatency >= 0.95 ? "**met**" : "**not met**");
        }
        line("");
    }

    private double throughputRatio(String variant, int threads) {
        return now.throughput(SEND + variant + "_" + threads) / now.throughput(SEND + "rawOkHttp_" + threads);
    }

    private double latencyRatio(String variant, int threads) {
        return now.meanMicros(SEND + "rawOkHttp_" + threads) / now.meanMicros(SEND + variant + "_" + threads);
    }

    private void processor() {
        line("### Processor cost (javac in-process, median of several runs)");
        line("");
        line("| interfaces | -proc:none ms | with processor ms | processor adds ms | adds per interface ms%s |",
                beforeHeader());
        line("| ---: | ---: | ---: | ---: | ---: |%s", beforeAlign());
        for (JsonNode row : now.processor.get("sizes")) {
            int n = row.get("interfaces").asInt();
            double without = row.get("withoutMs").asDouble();
            double with = row.get("withMs").asDouble();
            line("| %d | %s | %s | %s | %.2f%s |", n, number(without), number(with), number(with - without),
                    (with - without) / n, before(run -> run.addedPerInterface(n)));
        }
        double at100 = now.addedPerInterface(100);
        double at1000 = now.addedPerInterface(1000);
        double marginal = (now.added(1000) - now.added(100)) / 900;
        line("");
        line("Growth: the processor adds %.2f ms per interface at 100 and %.2f ms at 1000 (%.2fx; 1.00x is linear);"
                + " each interface from 100 to 1000 adds %.2f ms.", at100, at1000, at1000 / at100, marginal);
        JsonNode largest = now.processor.get("sizes").get(now.processor.get("sizes").size() - 1);
        if (largest.has("sendersAsSourcesMs")) {
            int n = largest.get("interfaces").asInt();
            double compiling = largest.get("sendersAsSourcesMs").asDouble() - largest.get("withoutMs").asDouble();
            double processing = largest.get("withMs").asDouble() - largest.get("sendersAsSourcesMs").asDouble();
            line("Split at %d: compiling the generated senders (as plain sources, no processor) %.2f ms per"
                    + " interface; annotation processing (the processor, JavaPoet, javac's Filer and extra rounds)"
                    + " %.2f ms per interface.", n, compiling / n, processing / n);
        }
        line("");
        target("processor adds under 2 ms per interface at 1000", at1000, " ms", at1000 < 2.0);
    }

    private void target(String what, double value, String unit, boolean met) {
        line("- %s: %.2f%s, %s", what, value, unit, met ? "**met**" : "**not met**");
    }

    private String beforeHeader() {
        return before.isPresent() ? " | before" : "";
    }

    private String beforeAlign() {
        return before.isPresent() ? " ---: |" : "";
    }

    /** The earlier run's figure in its own column, when there is one. */
    private String before(ToDoubleFunction<Run> figure) {
        return before.map(run -> " | " + number(figure.applyAsDouble(run))).orElse("");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String cpu() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    /** The results of one run: JMH's by benchmark and mode, and the processor's. */
    private static final class Run {
        final Map<String, JsonNode> jmh = new LinkedHashMap<>();
        final JsonNode processor;
        final String jdk;

        private Run(JsonNode jmhResults, JsonNode processor) {
            for (JsonNode result : jmhResults) {
                jmh.put(result.get("benchmark").asString() + "/" + result.get("mode").asString(), result);
            }
            this.processor = processor;
            JsonNode first = jmhResults.get(0);
            this.jdk = first == null ? "JDK " + processor.get("javaVersion").asString()
                    : first.get("vmName").asString() + " " + first.get("jdkVersion").asString();
        }

        static Run read(Path dir) throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            return new Run(mapper.readTree(dir.resolve("jmh.json").toFile()),
                    mapper.readTree(dir.resolve("processor.json").toFile()));
        }

        double score(String benchmark) {
            return find(benchmark, "avgt").map(r -> r.get("primaryMetric").get("score").asDouble()).orElse(Double.NaN);
        }

        /** Bytes allocated per operation, from {@code -prof gc}; in the first mode that has it. */
        double allocated(String benchmark) {
            for (String mode : new String[] {"avgt", "thrpt", "sample"}) {
                Optional<JsonNode> norm = find(benchmark, mode)
                        .map(r -> r.get("secondaryMetrics"))
                        .map(m -> m.get("gc.alloc.rate.norm") != null ? m.get("gc.alloc.rate.norm") : m.get("·gc.alloc.rate.norm"));
                if (norm.isPresent()) {
                    return norm.get().get("score").asDouble();
                }
            }
            return Double.NaN;
        }

        double throughput(String benchmark) {
            return find(benchmark, "thrpt").map(r -> {
                JsonNode metric = r.get("primaryMetric");
                return medianIteration(metric) * perSecond(metric.get("scoreUnit").asString());
            }).orElse(Double.NaN);
        }

        /** The median of the measured iterations: one iteration hit by a neighbour's load moves it least. */
        private static double medianIteration(JsonNode metric) {
            List<Double> scores = new ArrayList<>();
            metric.get("rawData").forEach(fork -> fork.forEach(iteration -> scores.add(iteration.asDouble())));
            Collections.sort(scores);
            int middle = scores.size() / 2;
            return scores.size() % 2 == 1 ? scores.get(middle) : (scores.get(middle - 1) + scores.get(middle)) / 2;
        }

        double meanMicros(String benchmark) {
            return find(benchmark, "sample").map(r -> {
                JsonNode metric = r.get("primaryMetric");
                return metric.get("score").asDouble() * microsPer(metric.get("scoreUnit").asString());
            }).orElse(Double.NaN);
        }

        double percentileMicros(String benchmark, String percentile) {
            return find(benchmark, "sample").map(r -> {
                JsonNode metric = r.get("primaryMetric");
                return metric.get("scorePercentiles").get(percentile).asDouble()
                        * microsPer(metric.get("scoreUnit").asString());
            }).orElse(Double.NaN);
        }

        double added(int interfaces) {
            for (JsonNode row : processor.get("sizes")) {
                if (row.get("interfaces").asInt() == interfaces) {
                    return row.get("withMs").asDouble() - row.get("withoutMs").asDouble();
                }
            }
            return Double.NaN;
        }

        double addedPerInterface(int interfaces) {
            return added(interfaces) / interfaces;
        }

        private Optional<JsonNode> find(String benchmark, String mode) {
            return Optional.ofNullable(jmh.get(benchmark + "/" + mode));
        }

        private static double perSecond(String unit) {
            return switch (unit) {
                case "ops/s" -> 1;
                case "ops/ms" -> 1e3;
                case "ops/us" -> 1e6;
                default -> throw new IllegalArgumentException("unit " + unit);
            };
        }

        private static double microsPer(String unit) {
            return switch (unit) {
                case "s/op" -> 1e6;
                case "ms/op" -> 1e3;
                case "us/op" -> 1;
                case "ns/op" -> 1e-3;
                default -> throw new IllegalArgumentException("unit " + unit);
            };
        }
    }
}
