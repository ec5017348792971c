package dev.waotp.spring.security;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long the last few sends took. A number without an account is sent nothing, so without a pause its
 * answer would come sooner than an account's by Kaleyra's round trip, and the time would tell them apart.
 */
final class SendTimes {
    private static final int KEPT = 5;

    private final long[] nanos = new long[KEPT];
    private int kept;
    private int next;

    synchronized void record(long tookNanos) {
        nanos[next] = tookNanos;
        next = (next + 1) % KEPT;
        kept = Math.min(kept + 1, KEPT);
    }

    /** The median of the sends kept: how long a send takes now; zero before the first. */
    synchronized Duration typical() {
        if (kept == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(nanos, kept);
        Arrays.sort(sorted);
        return Duration.ofNanos(sorted[kept / 2]);
    }
}
