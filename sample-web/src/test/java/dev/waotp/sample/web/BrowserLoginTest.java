package dev.waotp.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample's flows in headless Chromium, as a person would go through them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureKaleyraStub
class BrowserLoginTest {
    private static final String BOB_PHONE = "+919876500000";
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    KaleyraStubInbox inbox;

    @BeforeEach
    void openBrowser(TestInfo test) {
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.startTest("login-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void signsInWithTheCodeTheStubReceived() {
        browser.go("/login/whatsapp");
        browser.type("phone", SampleUsers.ALICE_PHONE);
        browser.click("send-code");
        assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
        assertThat(browser.text("message")).isEqualTo("We sent a code to \u2022\u2022\u2022 3210 by WhatsApp.");

        browser.type("code", inbox.lastCodeSentTo(SampleUsers.ALICE_PHONE));
        browser.click("check-code");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("who")).isEqualTo("Signed in as alice.");

        browser.go("/account");
        assertThat(browser.text("factors")).isEqualTo("Factors: FACTOR_WHATSAPP");
    }

    @Test
    void aWrongCodeSaysHowManyAttemptsAreLeft() {
        browser.go("/login/whatsapp");
        browser.type("phone", "+919876500000");
        browser.click("send-code");
        browser.type("code", wrong(inbox.lastCodeSentTo("+919876500000")));
        browser.click("check-code");

        assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
        assertThat(browser.text("message")).isEqualTo("Wrong code. 4 attempts left.");
        browser.go("/account");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void theAdminPageAsksForAWhatsAppCodeAfterThePassword() {
        browser.go("/admin");
        assertThat(browser.path()).isEqualTo("/login");
        browser.type("username", "alice");
        browser.type("password", SampleUsers.ALICE_PASSWORD);
        browser.submit();

        // Spring Security names the missing factor in the query: factor.type=whatsapp&factor.reason=missing
        assertThat(browser.path()).startsWith("/login/whatsapp/factor?factor.type=whatsapp");
        browser.click("send-code");
        assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
        browser.type("code", inbox.lastCodeSentTo(SampleUsers.ALICE_PHONE));
        browser.click("check-code");

        // Back to the page first asked for, through Spring Security's saved request ("?continue").
        assertThat(browser.path()).isEqualTo("/admin?continue");
        assertThat(browser.text("factors")).isEqualTo("Factors: FACTOR_PASSWORD, FACTOR_WHATSAPP");
    }

    /**
     * Issue 24: bob asks for his factor code, then alice signs in by password in the same browser (the
     * session keeps its attributes across the new session id; the login page shows bob's name read-only,
     * which the page's user can undo). Bob's attempt is gone: the code page no
     * longer offers it, bob's code posted by hand from alice's page completes nothing, and /admin still
     * asks alice for her own code, which her phone never got. Before the fix the code page took bob's code
     * and /admin opened for alice with both factors.
     */
    @Test
    void aFactorCodeSentForBobDoesNotCompleteAlicesFactor() {
        int alicesMessages = inbox.messagesTo(SampleUsers.ALICE_PHONE).size();
        browser.go("/login");
        browser.type("username", "bob");
        browser.type("password", "bob-password");
        browser.submit();
        browser.go("/login/whatsapp/factor");
        browser.click("send-code");
        assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
        String bobsCode = inbox.lastCodeSentTo(BOB_PHONE);

        browser.go("/login");
        browser.overwrite("username", "alice");
        browser.type("password", SampleUsers.ALICE_PASSWORD);
        browser.submit();
        browser.go("/login/whatsapp/code");
        assertThat(browser.path()).isEqualTo("/login/whatsapp");

        browser.go("/login/whatsapp/factor");
        browser.postFirstFormTo("/login/whatsapp/code", "code", bobsCode);
        assertThat(browser.path()).isEqualTo("/login/whatsapp");
        assertThat(browser.text("message")).isEqualTo("Enter your WhatsApp number to get a code.");

        browser.go("/admin");
        assertThat(browser.path()).startsWith("/login/whatsapp/factor?factor.type=whatsapp");
        browser.go("/account");
        assertThat(browser.text("who")).isEqualTo("Signed in as alice.");
        assertThat(browser.text("factors")).isEqualTo("Factors: FACTOR_PASSWORD");
        assertThat(inbox.messagesTo(SampleUsers.ALICE_PHONE)).hasSize(alicesMessages);
    }

    /** A code that differs from the right one in its last digit. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }
}
