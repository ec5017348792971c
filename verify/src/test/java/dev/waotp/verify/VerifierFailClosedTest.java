package dev.waotp.verify;

import static dev.waotp.verify.StubPhone.PHONE;
import static dev.waotp.verify.VerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.LowBalanceException;
import dev.waotp.testing.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store (or limiter) that throws or hangs fails the call within the store timeout with
 * {@link VerificationStoreException}: nothing is sent, nothing is approved, and the verifier works
 * again once the store does.
 */
class VerifierFailClosedTest {
    private final StubPhone phone = new StubPhone();
    private final FaultyStore store = new FaultyStore();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final Verifier verifier = Verifier.builder()
            .sender(phone.sender()).secret(SECRET).store(store).storeTimeout(Duration.ofMillis(200))
            .listener(new VerificationListener() {
                @Override
                public void startFailed(RuntimeException error) {
                    failures.add(error);
                }

                @Override
                public void checkFailed(RuntimeException error) {
                    failures.add(error);
                }
            })
            .build();

    @AfterEach
    void release() {
        store.hang.countDown();
        phone.close();
    }

    @Test
    void checkOnAStoreThatThrowsFailsAndApprovesNothing() {
        verifier.start(PHONE, "caller");
        store.failure = new IllegalStateException("connection reset");

        assertThatThrownBy(() -> verifier.check(PHONE, phone.lastCode()))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification store failed: java.lang.IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failures).singleElement().isInstanceOf(VerificationStoreException.class);

        store.failure = null;
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void checkOnAStoreThatHangsFailsWithinTheTimeoutAndWorksOnceTheStoreIsBack() {
        verifier.start(PHONE, "caller");
        store.hanging = true;

        assertThatThrownBy(() -> verifier.check(PHONE, phone.lastCode()))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification store did not answer within 200 ms");

        store.hanging = false;
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void startOnAStoreThatHangsFailsAndSendsNothing() {
        store.hanging = true;

        assertThatThrownBy(() -> verifier.start(PHONE, "caller"))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification store did not answer within 200 ms");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void startOnAStoreThatThrowsFailsAndSendsNothing() {
        store.failure = new VerificationStoreException("redis is down");

        assertThatThrownBy(() -> verifier.start(PHONE, "caller"))
                .isInstanceOf(VerificationStoreException.class).hasMessage("redis is down");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void startWithALimiterThatFailsSendsNothing() {
        Verifier limited = Verifier.builder().sender(phone.sender()).secret(SECRET)
                .rateLimiter((phoneNumber, callerKey, limits) -> {
                    throw new IllegalStateException("limiter storage down");
                })
                .build();

        assertThatThrownBy(() -> limited.start(PHONE, "caller"))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the rate limiter failed: java.lang.IllegalStateException");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void failedSendIsReportedEvenWhenTheStoreCannotWithdrawTheCode() {
        phone.stub().failNext(1, Fault.lowBalance());
        store.discardFailure = new VerificationStoreException("redis is down");

        assertThatThrownBy(() -> verifier.start(PHONE, "caller"))
                .isInstanceOf(LowBalanceException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(VerificationStoreException.class));
    }

    /** The in-memory store, made to throw or hang on demand. */
    private static final class FaultyStore implements VerificationStore {
        private final InMemoryVerificationStore memory = new InMemoryVerificationStore();
        final CountDownLatch hang = new CountDownLatch(1);
        volatile boolean hanging;
        volatile RuntimeException failure;
        volatile RuntimeException discardFailure;

        @Override
        public StartDecision start(String phone, byte[] codeHmac, Instant now, StartRules rules) {
            misbehave();
            return memory.start(phone, codeHmac, now, rules);
        }

        @Override
        public CheckDecision check(String phone, byte[] codeHmac, Instant now, int maxAttempts) {
            misbehave();
            return memory.check(phone, codeHmac, now, maxAttempts);
        }

        @Override
        public void discard(String phone, byte[] codeHmac) {
            if (discardFailure != null) {
                throw discardFailure;
            }
            memory.discard(phone, codeHmac);
        }

        private void misbehave() {
            if (failure != null) {
                throw failure;
            }
            if (hanging) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("woke up after the test");
            }
        }
    }
}
