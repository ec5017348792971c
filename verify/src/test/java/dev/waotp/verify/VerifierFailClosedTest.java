package dev.waotp.verify;

import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.MutableClock;
import dev.waotp.verify.tck.StubPhone;
import static dev.waotp.verify.tck.StubPhone.PHONE;
import static dev.waotp.verify.VerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.LowBalanceException;
import dev.waotp.testing.Fault;
import java.time.Duration;
import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
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
                .hasMessage("the verification storage failed (the verification store): IllegalStateException: connection reset")
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
                .hasMessage("the verification storage did not answer within 200 ms");

        store.hanging = false;
        assertThat(verifier.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void startOnAStoreThatHangsFailsAndSendsNothing() {
        store.hanging = true;

        assertThatThrownBy(() -> verifier.start(PHONE, "caller"))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification storage did not answer within 200 ms");
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
                .rateLimitStorage((limit, config) -> failingBuckets())
                .build();

        assertThatThrownBy(() -> limited.start(PHONE, "caller"))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification storage failed (the rate limits): IllegalStateException: limiter storage down");
        assertThat(phone.stub().requestCount()).isZero();
    }

    @Test
    void checkWithALimiterThatFailsApprovesNothingAndCostsTheCodeNothing() {
        Verifier checking = Verifier.builder().sender(phone.sender()).secret(SECRET)
                .rateLimits(onlyTheCheckLimit())
                .rateLimitStorage((limit, config) -> failingBuckets()).build();
        checking.start(PHONE, "caller");

        assertThatThrownBy(() -> checking.check(PHONE, phone.lastCode(), "caller"))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessage("the verification storage failed (the rate limits): IllegalStateException: limiter storage down");
        assertThat(checking.check(PHONE, phone.lastCode())).isEqualTo(new CheckResult.Approved());
    }

    private static RateLimits onlyTheCheckLimit() {
        return RateLimits.builder().without(RateLimit.PHONE).without(RateLimit.CALLER)
                .without(RateLimit.APPLICATION).build();
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

    /** Bucket storage whose every call throws, as a backend whose storage is down. */
    @SuppressWarnings("unchecked")
    private static ProxyManager<String> failingBuckets() {
        return (ProxyManager<String>) Proxy.newProxyInstance(ProxyManager.class.getClassLoader(),
                new Class<?>[] {ProxyManager.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("limiter storage down");
                });
    }

    /** The in-memory store, made to throw or hang on demand. */
    private static final class FaultyStore extends ForwardingStore {
        final CountDownLatch hang = new CountDownLatch(1);
        volatile boolean hanging;
        volatile RuntimeException failure;
        volatile RuntimeException discardFailure;

        FaultyStore() {
            before = this::misbehave;
        }

        @Override
        public void discard(VerificationKey key, byte[] codeHmac) {
            if (discardFailure != null) {
                throw discardFailure;
            }
            super.discard(key, codeHmac);
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
