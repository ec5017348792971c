package dev.waotp.verify.redis;

import dev.waotp.verify.VerificationStoreException;
import java.time.Duration;
import java.util.function.Supplier;

/** For the outage tests: a call retried while Lettuce reconnects. */
final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {}

    /**
     * Calls {@code call} until it does not throw {@link VerificationStoreException} (Redis did not answer) and
     * returns that first answer; after 30 s the last exception is thrown.
     */
    static <T> T answer(Supplier<T> call) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (VerificationStoreException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
