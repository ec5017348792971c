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
        assertThat(browser.text("message")).isEqualTo("We sent a code to your WhatsApp number \u2022\u2022\u2022 3210.");

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

    /** A code that differs from the right one in its last digit. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }
}
