package dev.waotp.spring;

import dev.waotp.testing.KaleyraStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One embedded Kaleyra stub per test class, approving the test templates, emptied before each test. */
abstract class StubbedKaleyra {
    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    static KaleyraStub stub;

    @BeforeAll
    static void startStub() {
        stub = KaleyraStub.builder().approve("auth1", "en_US").approve("signup_code", "en").start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void forgetReceived() {
        stub.reset();
    }

    /** The waotp.kaleyra.* properties that point the client at the stub. */
    static String[] kaleyraProperties() {
        return new String[] {"waotp.kaleyra.sid=" + stub.sid(), "waotp.kaleyra.api-key=" + stub.apiKey(),
            "waotp.kaleyra.business-number=" + stub.businessNumber(), "waotp.kaleyra.base-url=" + stub.baseUrl()};
    }

    /** The one-time password the stub last received for {@code phone}, as the phone would show it. */
    static String lastCodeSentTo(String phone) {
        return stub.lastCodeSentTo(phone);
    }
}
