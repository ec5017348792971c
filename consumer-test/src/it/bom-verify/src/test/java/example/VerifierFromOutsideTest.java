package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.waotp.KaleyraClient;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's verifier over the generated sender, with the artifacts' versions from the BOM only. */
class VerifierFromOutsideTest {
    private static final byte[] SECRET = "a secret of at least thirty-two bytes, for tests".getBytes(StandardCharsets.UTF_8);
    private static final String PHONE = "+919876543210";

    @Test
    void aSentCodeIsApprovedOnceAndAWrongOneIsNot() {
        try (KaleyraStub stub = KaleyraStub.start();
                KaleyraClient client = stub.clientBuilder().build()) {
            LoginCode login = new LoginCodeImpl(client);   // generated in this build by the BOM's processor
            Verifier verifier = Verifier.builder().sender(login::send).secret(SECRET).build();

            StartResult started = verifier.start(PHONE, "203.0.113.7");
            assertInstanceOf(StartResult.Sent.class, started);
            String code = stub.lastCodeSentTo(PHONE);
            String wrong = code.equals("000000") ? "111111" : "000000";

            CheckResult.WrongCode refused = assertInstanceOf(CheckResult.WrongCode.class, verifier.check(PHONE, wrong));
            assertEquals(4, refused.attemptsLeft());
            assertInstanceOf(CheckResult.Approved.class, verifier.check(PHONE, code));
            assertInstanceOf(CheckResult.NotPending.class, verifier.check(PHONE, code));
            assertFalse(verifier.toString().contains(new String(SECRET, StandardCharsets.UTF_8)));
        }
    }
}
