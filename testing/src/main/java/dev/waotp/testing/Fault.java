package dev.waotp.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong on the Kaleyra side, for {@link KaleyraStub#failNext(int, Fault)}. A fault
 * takes the next request that arrives, whatever it holds, before any check of credentials or
 * payload, so a test gets exactly the failure it asked for.
 */
public final class Fault {
    enum Kind { SERVER_ERROR, LOW_BALANCE, DAILY_LIMIT, DELAY, DROP_CONNECTION }

    private static final Fault SERVER_ERROR = new Fault(Kind.SERVER_ERROR, Duration.ZERO);
    private static final Fault LOW_BALANCE = new Fault(Kind.LOW_BALANCE, Duration.ZERO);
    private static final Fault DAILY_LIMIT = new Fault(Kind.DAILY_LIMIT, Duration.ZERO);
    private static final Fault DROP_CONNECTION = new Fault(Kind.DROP_CONNECTION, Duration.ZERO);

    private final Kind kind;
    private final Duration delay;

    private Fault(Kind kind, Duration delay) {
        this.kind = kind;
        this.delay = delay;
    }

    /** Answer HTTP 500 with Kaleyra's {@code WA500} body; the client may retry it. */
    public static Fault serverError() {
        return SERVER_ERROR;
    }

    /** Answer HTTP 400 with Kaleyra's {@code E110} low-balance body. */
    public static Fault lowBalance() {
        return LOW_BALANCE;
    }

    /** Answer with Kaleyra's {@code WAV2101}: the account's daily limit is reached (never retried). */
    public static Fault dailyLimitReached() {
        return DAILY_LIMIT;
    }

    /**
     * Wait this long, then handle the request as usual. A request that passes the checks is recorded
     * as received even if the client gave up waiting, as Kaleyra would still deliver it.
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.DELAY, delay);
    }

    /** Read the request, then close the connection without answering. */
    public static Fault dropConnection() {
        return DROP_CONNECTION;
    }

    Kind kind() {
        return kind;
    }

    Duration delay() {
        return delay;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault other && kind == other.kind && delay.equals(other.delay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, delay);
    }

    @Override
    public String toString() {
        return kind == Kind.DELAY ? "Fault.delay(" + delay + ")" : "Fault." + kind;
    }
}
