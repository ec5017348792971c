package example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's LoginTest as written, in an application whose properties read unset variables. */
@SpringBootTest
@AutoConfigureKaleyraStub
class LoginTest {
    @Autowired Verifier verifier;
    @Autowired KaleyraStubInbox inbox;

    @Test
    void theCodeSentSignsIn() {
        verifier.start("+919876543210", "test");
        assertThat(verifier.check("+919876543210", inbox.lastCodeSentTo("+919876543210")))
                .isInstanceOf(CheckResult.Approved.class);
    }
}
