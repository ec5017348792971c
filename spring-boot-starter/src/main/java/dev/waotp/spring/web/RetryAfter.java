package dev.waotp.spring.web;

import java.time.Duration;

/** Whole seconds to wait, as {@code Retry-After} takes them (RFC 9110, section 10.2.3). */
final class RetryAfter {
    private RetryAfter() {}

    /**
     * Rounded up, and at least 1: a client told 0 tries at once and is refused again.
     */
    static long seconds(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return 1;
        }
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
