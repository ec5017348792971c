package dev.waotp.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.AuthTemplates;
import dev.waotp.KaleyraClient;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.KaleyraStubExtension;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimit;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Verify codes" example, run against the stub, kept compiling and passing. */
class ReadmeVerifyExampleTest {
    @RegisterExtension
    static final KaleyraStubExtension kaleyra = new KaleyraStubExtension();

    private static final byte[] HMAC_KEY = "a test secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void startsThenApprovesTheCodeOnce() {
        KaleyraStub stub = kaleyra.stub();
        try (KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode loginCode = AuthTemplates.create(LoginCode.class, client);
            Verifier verifier = Verifier.builder()
                    .sender(loginCode::send)
                    .secret(HMAC_KEY)
                    .build();

            StartResult started = verifier.start("+919876543210", "203.0.113.7");
            assertThat(started).isInstanceOf(StartResult.Sent.class);

            String typedCode = stub.received().get(0).otp();
            CheckResult checked = verifier.check("+919876543210", typedCode, "203.0.113.7");
            assertThat(checked).isInstanceOf(CheckResult.Approved.class);
            assertThat(verifier.check("+919876543210", typedCode)).isInstanceOf(CheckResult.NotPending.class);
        }
    }

    @Test
    void aStartPastThePhoneLimitIsRefusedAndSendsNothing() {
        KaleyraStub stub = kaleyra.stub();
        try (KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode loginCode = AuthTemplates.create(LoginCode.class, client);
            Verifier verifier = Verifier.builder().sender(loginCode::send).secret(HMAC_KEY)
                    .rateLimits(RateLimits.builder().perPhone(1, Duration.ofHours(1)).build())
                    .build();

            assertThat(verifier.start("+919876543210", "203.0.113.7")).isInstanceOf(StartResult.Sent.class);
            StartResult second = verifier.start("+919876543210", "203.0.113.8");

            assertThat(second).isInstanceOfSatisfying(StartResult.RateLimited.class, limited -> {
                assertThat(limited.limit()).isEqualTo(RateLimit.PHONE);
                assertThat(limited.retryAfter()).isPositive();
            });
            assertThat(stub.requestCount()).isEqualTo(1);
        }
    }
}
