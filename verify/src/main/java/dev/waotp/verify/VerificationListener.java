package dev.waotp.verify;

/**
 * Told each outcome of a {@link Verifier}, for metrics (the Spring module counts them with
 * Micrometer) or audit logs. Called once per start or check, on the caller's thread, after the
 * outcome is decided; an exception thrown here is logged and does not change the outcome.
 * Outcomes carry no code, HMAC or secret.
 */
public interface VerificationListener {
    /** A start ended with {@code result}. */
    default void started(StartResult result) {}

    /** A start failed with {@code error} (the send, the store or the rate limiter); it is rethrown. */
    default void startFailed(RuntimeException error) {}

    /** A check ended with {@code result}. */
    default void checked(CheckResult result) {}

    /** A check failed with {@code error} (the store); it is rethrown, and nothing was approved. */
    default void checkFailed(RuntimeException error) {}

    /** A fallback was asked for (by a failed send, a callback, the application or the no-delivery wait) and ended with {@code result}. */
    default void fellBack(FallbackResult result) {}

    /** A delivery status for a pending code was recorded; {@code delivery} is where the code now stands. */
    default void deliveryRecorded(Delivery delivery) {}
}
