package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.SendResult;
import dev.waotp.verify.spi.VerificationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A start answered as failed changes nothing (issue 25): the rate-limit tokens it took are given back, and a store
 * write that answers after the caller was told it failed is taken back, so the user's next try is not refused.
 */
class VerifierFailedStartTest {
    private static final String PHONE = "+919876543210";
    private static final RateLimits ONE_EACH = RateLimits.builder().perPhone(1, Duration.ofDays(1))
            .perCaller(1, Duration.ofDays(1)).perApplication(1, Duration.ofDays(1)).build();

    private final AtomicInteger sends = new AtomicInteger();
    private final ForwardingStore store = new ForwardingStore();

    /** Before: the phone's, the caller's and the application's one token stayed taken, and the retry was RateLimited. */
    @Test
    void aStartWhoseStoreWriteFailedGivesItsTokensBack() {
        Verifier verifier = verifier(Duration.ofSeconds(2));
        store.before = () -> {
            throw new IllegalStateException("store down");
        };
        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(VerificationStoreException.class);
        store.before = () -> { };

        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
        assertThat(sends).hasValue(1);
    }

    /** Before: the late write stayed, so the next start was TooSoon for a code no one was ever sent. */
    @Test
    void aStoreWriteThatAnswersAfterTheTimeoutIsTakenBack() throws InterruptedException {
        Verifier verifier = Verifier.builder().secret(new byte[32]).storeTimeout(Duration.ofMillis(100))
                .rateLimits(RateLimits.none()).store(store).sender(this::send).build();
        AtomicInteger writes = new AtomicInteger();
        store.before = () -> {
            if (writes.incrementAndGet() == 1) {
                sleep(400);
            }
        };
        assertThatThrownBy(() -> verifier.start(PHONE, "caller")).isInstanceOf(VerificationStoreException.class);
        Thread.sleep(600);

        assertThat(store.memory.pending(new VerificationKey("default", PHONE), Instant.now()))
                .as("the code of the failed start").isEmpty();
        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
    }

    /** Before: a fallback whose store write failed kept its limit tokens and its SMS-cap token. */
    @Test
    void aFallbackWhoseStoreWriteFailedGivesItsTokensAndItsSmsCapTokenBack() {
        Verifier verifier = Verifier.builder().secret(new byte[32]).rateLimits(ONE_EACH).store(store)
                .sender(this::send).resendAfter(Duration.ZERO)
                .smsFallback(SmsFallback.builder(this::send).allowRegions("IN").cap(1, Duration.ofDays(1)).build())
                .rateLimits(RateLimits.builder().perPhone(2, Duration.ofDays(1)).perCaller(1, Duration.ofDays(1))
                        .perApplication(2, Duration.ofDays(1)).build())
                .build();
        assertThat(verifier.start(PHONE, "caller")).isInstanceOf(StartResult.Sent.class);
        store.before = () -> {
            throw new IllegalStateException("store down");
        };
        assertThatThrownBy(() -> verifier.resendBySms(PHONE, "sms caller")).isInstanceOf(VerificationStoreException.class);
        store.before = () -> { };

        assertThat(verifier.resendBySms(PHONE, "sms caller")).isInstanceOf(FallbackResult.Sent.class);
    }

    private Verifier verifier(Duration timeout) {
        return Verifier.builder().secret(new byte[32]).storeTimeout(timeout).rateLimits(ONE_EACH).store(store)
                .sender(this::send).build();
    }

    private SendResult send(String phone, String code) {
        sends.incrementAndGet();
        return new SendResult(List.of("wamid.1"), "WA202", null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
