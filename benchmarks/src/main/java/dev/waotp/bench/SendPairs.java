package dev.waotp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@link SendBenchmark}'s three one-thread sends, measured in turns in one JVM: each round runs a block
 * of every variant, in an order that rotates from round to round, and compares the variants within the
 * round. JMH measures one variant after the other, minutes apart; on the project's shared two cores the
 * same code moved between 8 and 19 sends per ms from one 2 s iteration to the next (run 3 of
 * 2026-11-29), more than the 10% this has to resolve. Blocks a few hundred milliseconds apart share the
 * machine's state, so their ratios keep what the variants differ in and lose most of the drift.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.waotp.bench.SendPairs [rounds] [block] [warm-up s]</pre>
 */
public final class SendPairs {
    private static final String[] NAMES = {"generatedSender", "retrofitJackson", "rawOkHttp"};
    private static final int RAW = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SendBenchmark sends = new SendBenchmark();
    private int next;

    private SendPairs() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        SendPairs pairs = new SendPairs();
        pairs.sends.start();
        try {
            pairs.run(rounds, block, warmUpSeconds);
        } finally {
            pairs.sends.stop();
        }
    }

    private void run(int rounds, int block, int warmUpSeconds) throws Exception {
        System.out.printf(Locale.ROOT, "# %d rounds of %d sends per variant, after %d s of warm-up in the same turns%n",
                rounds, block, warmUpSeconds);
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < warmUpEnd; round++) {
            for (int variant : order(round)) {
                block(variant, new long[block]);
            }
            sends.forget();
        }
        List<Block>[] blocks = newLists();
        System.out.println("# round, order (G generatedSender, R retrofitJackson, O rawOkHttp), then per variant in that"
                + " column order: sends/ms, mean µs, p50 µs, the sending thread's CPU µs per send");
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7d  %s ", round, orderName(round)));
            Block[] thisRound = new Block[NAMES.length];
            for (int variant : order(round)) {
                thisRound[variant] = block(variant, new long[block]);
            }
            for (int variant = 0; variant < NAMES.length; variant++) {
                blocks[variant].add(thisRound[variant]);
                Block b = thisRound[variant];
                line.append(String.format(Locale.ROOT, " | %6.2f %6.1f %6.1f %5.1f", b.perMs(), b.meanMicros(),
                        b.p50Micros(), b.cpuMicros()));
            }
            System.out.println(line);
            sends.forget();
        }
        report(blocks);
    }

    /** Round r starts with variant r mod 3, so each variant goes first, second and third equally often. */
    private static int[] order(int round) {
        int first = round % NAMES.length;
        return new int[] {first, (first + 1) % NAMES.length, (first + 2) % NAMES.length};
    }

    private static String orderName(int round) {
        StringBuilder name = new StringBuilder();
        for (int variant : order(round)) {
            name.append("GRO".charAt(variant));
        }
        return name.toString();
    }

    private Block block(int variant, long[] nanos) throws Exception {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long blockStart = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            Object answer = switch (variant) {
                case 0 -> sends.generated(next++);
                case 1 -> sends.retrofit(next++);
                default -> sends.raw(next++);
            };
            nanos[i] = System.nanoTime() - start;
            if (answer == null) {
                throw new IllegalStateException(NAMES[variant] + " returned nothing");
            }
        }
        long elapsed = System.nanoTime() - blockStart;
        return new Block(nanos, elapsed, THREADS.getCurrentThreadCpuTime() - cpuStart);
    }

    private static void report(List<Block>[] blocks) {
        System.out.println();
        System.out.println("# per variant, over all rounds: sends/ms and the sending thread's CPU µs per send (medians of the"
                + " rounds); mean, p50, p99 µs of every send");
        for (int variant = 0; variant < NAMES.length; variant++) {
            long[] all = blocks[variant].stream().flatMapToLong(b -> Arrays.stream(b.nanos)).sorted().toArray();
            double[] perMs = blocks[variant].stream().mapToDouble(Block::perMs).toArray();
            double[] cpu = blocks[variant].stream().mapToDouble(Block::cpuMicros).toArray();
            System.out.printf(Locale.ROOT, "%-16s %7.2f sends/ms  cpu %5.1f  mean %6.1f  p50 %6.1f  p99 %7.1f%n",
                    NAMES[variant], median(perMs), median(cpu), Arrays.stream(all).average().orElseThrow() / 1000, all[all.length / 2] / 1000.0,
                    all[(int) (all.length * 0.99)] / 1000.0);
        }
        System.out.println();
        System.out.println("# ratio to rawOkHttp within each round (above 1: faster than raw): median [quartiles] of the rounds");
        for (int variant = 0; variant < RAW; variant++) {
            double[] throughput = ratios(blocks, variant, Block::perMs, false);
            double[] mean = ratios(blocks, variant, Block::meanMicros, true);
            double[] p50 = ratios(blocks, variant, Block::p50Micros, true);
            System.out.printf(Locale.ROOT, "%-16s throughput %s   mean latency %s   p50 latency %s%n", NAMES[variant],
                    quartiles(throughput), quartiles(mean), quartiles(p50));
        }
    }

    /** Variant ÷ raw for a rate, raw ÷ variant for a time, so that above 1 always means faster than raw. */
    private static double[] ratios(List<Block>[] blocks, int variant, ToDoubleFunction<Block> figure, boolean isTime) {
        double[] ratios = new double[blocks[variant].size()];
        for (int round = 0; round < ratios.length; round++) {
            double mine = figure.applyAsDouble(blocks[variant].get(round));
            double raw = figure.applyAsDouble(blocks[RAW].get(round));
            ratios[round] = isTime ? raw / mine : mine / raw;
        }
        return ratios;
    }

    private static String quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.3fx [%.3f, %.3f]", median(sorted), sorted[sorted.length / 4],
                sorted[(sorted.length * 3) / 4]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @SuppressWarnings("unchecked")
    private static List<Block>[] newLists() {
        List<Block>[] lists = new List[NAMES.length];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }

    /** One variant's block of sends: each send's time, and the block's. */
    private record Block(long[] nanos, long elapsedNanos, long cpuNanos) {
        /** CPU time of the sending thread per send: the client's own work, kernel time of its system calls included. */
        double cpuMicros() {
            return cpuNanos / 1000.0 / nanos.length;
        }

        double perMs() {
            return nanos.length / (elapsedNanos / 1e6);
        }

        double meanMicros() {
            return Arrays.stream(nanos).average().orElseThrow() / 1000;
        }

        double p50Micros() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1000.0;
        }
    }
}
