package dev.waotp.verify.redis;

import dev.waotp.verify.VerificationStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Calls made around a Redis outage as the operator made them: every 5 ms, each lane calls the verifier for the
 * next of its phones that is not done and not already being called, on a pool thread so that a call that hangs does
 * not hold the next one back. A call that throws {@link VerificationStoreException} failed and is made again later; any
 * other answer ends that phone, as expected ({@code null} from the lane's call) or as an anomaly (the text it returned).
 * Records when each call succeeded, for the recovery figures.
 */
final class OutageLoad implements AutoCloseable {
    private static final long TICK_MILLIS = 5;
    private static final ThreadFactory DAEMONS = task -> {
        Thread thread = new Thread(task, "outage-load");
        thread.setDaemon(true);
        return thread;
    };

    private final List<Lane> lanes = new ArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(DAEMONS);
    private final ExecutorService callers = Executors.newFixedThreadPool(64, DAEMONS);
    private final ConcurrentLinkedQueue<Long> successes = new ConcurrentLinkedQueue<>();

    /** A lane calling {@code call} for each of {@code phones}; the call answers null when that phone is done as expected. */
    Lane lane(String name, List<String> phones, Function<String, String> call) {
        Lane lane = new Lane(name, phones, call);
        lanes.add(lane);
        return lane;
    }

    void start() {
        ticks.scheduleAtFixedRate(() -> lanes.forEach(lane -> lane.next().ifPresent(
                phone -> callers.execute(() -> lane.call(phone)))), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Waits until every lane is done with every phone; false after {@code patience}. */
    boolean awaitDone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (lanes.stream().allMatch(Lane::isDone)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The calls per second the ticks offer, all lanes together: more cannot succeed, however fast the store. */
    double offeredRate() {
        return lanes.size() * 1000.0 / TICK_MILLIS;
    }

    /** Successful calls per second between two {@link System#nanoTime()} readings. */
    double successRate(long from, long to) {
        long count = successes.stream().filter(at -> at >= from && at < to).count();
        return count / ((to - from) / 1e9);
    }

    /** From {@code since} to the first successful call after it; empty when none succeeded. */
    Optional<Duration> firstSuccessAfter(long since) {
        return successes.stream().filter(at -> at >= since).min(Long::compare).map(at -> Duration.ofNanos(at - since));
    }

    /**
     * From {@code since} to the start of the first second after it in which the calls succeeded at 90% of
     * {@code rate} or more (full throughput); empty when that never happened.
     */
    Optional<Duration> fullThroughputAfter(long since, double rate) {
        long second = TimeUnit.SECONDS.toNanos(1);
        List<Long> after = successes.stream().filter(at -> at >= since).sorted().toList();
        for (int i = 0, j = 0; i < after.size(); i++) {
            while (j < after.size() && after.get(j) < after.get(i) + second) {
                j++;
            }
            if (j - i >= 0.9 * rate) {
                return Optional.of(Duration.ofNanos(after.get(i) - since));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        callers.shutdownNow();
    }

    /** One kind of call (a check, a start, a fallback) over its own phones. */
    final class Lane {
        final String name;
        private final List<String> phones;
        private final Function<String, String> call;
        private final Set<String> done = ConcurrentHashMap.newKeySet();
        private final Set<String> busy = ConcurrentHashMap.newKeySet();
        /** Phones whose call failed at least once (VerificationStoreException). */
        final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        /** Phones ended by an answer other than the expected one, with that answer. */
        final Map<String, String> anomalies = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        /** Each failed call's start and end ({@link System#nanoTime()}), by phone. */
        private final Map<String, List<long[]>> failedCalls = new ConcurrentHashMap<>();
        private final AtomicInteger cursor = new AtomicInteger();

        private Lane(String name, List<String> phones, Function<String, String> call) {
            this.name = name;
            this.phones = List.copyOf(phones);
            this.call = call;
        }

        boolean isDone() {
            return done.size() == phones.size();
        }

        private Optional<String> next() {
            for (int tried = 0; tried < phones.size(); tried++) {
                String phone = phones.get(Math.floorMod(cursor.getAndIncrement(), phones.size()));
                if (!done.contains(phone) && busy.add(phone)) {
                    return Optional.of(phone);
                }
            }
            return Optional.empty();
        }

        /** The phones with a call that failed while it overlapped {@code from} to {@code to}. */
        Set<String> failedAcross(long from, long to) {
            Set<String> phones = new TreeSet<>();
            failedCalls.forEach((phone, calls) -> {
                if (calls.stream().anyMatch(call -> call[0] <= to && call[1] >= from)) {
                    phones.add(phone);
                }
            });
            return phones;
        }

        private void call(String phone) {
            long started = System.nanoTime();
            try {
                String anomaly = call.apply(phone);
                successes.add(System.nanoTime());
                if (anomaly != null) {
                    anomalies.put(phone, anomaly);
                }
                done.add(phone);
            } catch (VerificationStoreException e) {
                failures.incrementAndGet();
                failedOnce.add(phone);
                failedCalls.computeIfAbsent(phone, p -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new long[] {started, System.nanoTime()});
            } catch (RuntimeException e) {
                anomalies.put(phone, e.toString());
                done.add(phone);
            } finally {
                busy.remove(phone);
            }
        }
    }
}
