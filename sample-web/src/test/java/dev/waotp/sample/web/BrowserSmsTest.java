package dev.waotp.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import dev.waotp.testing.Fault;
import dev.waotp.testing.ReceivedSms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 26, point 3 in headless Chromium, with the SMS fallback on: a code WhatsApp refuses is told as sent by SMS,
 * and "Send it by SMS instead" sends one that signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waotp.sms.sender=KLRHXA", "waotp.sms.template-id=1107161234567890123", "waotp.sms.allowed-regions=IN",
        "waotp.verify.resend-after=0s"})
@AutoConfigureKaleyraStub
class BrowserSmsTest {
    private static final String BOB_PHONE = "+919876500000";

    @LocalServerPort
    int port;

    @Autowired
    KaleyraStubInbox inbox;

    @Test
    void aFactorCodeWhatsAppRefusesIsToldAsSentBySmsAndItsCodeWorks() {
        try (Browser browser = Browser.open(port)) {
            browser.startTest("sms-factor");
            browser.go("/admin");
            browser.type("username", "alice");
            browser.type("password", SampleUsers.ALICE_PASSWORD);
            browser.submit();
            inbox.stub().failNext(1, Fault.dailyLimitReached());
            browser.click("send-code");

            assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
            assertThat(browser.text("message")).isEqualTo("We sent a code to \u2022\u2022\u2022 3210 by SMS.");
            assertThat(browser.text("code-label")).isEqualTo("Code sent to \u2022\u2022\u2022 3210 by SMS");
            browser.type("code", lastSmsCodeTo(SampleUsers.ALICE_PHONE));
            browser.click("check-code");
            assertThat(browser.path()).isEqualTo("/admin?continue");
        }
    }

    @Test
    void sendItBySmsInsteadSendsACodeThatSignsIn() {
        try (Browser browser = Browser.open(port)) {
            browser.startTest("sms-instead");
            browser.go("/login/whatsapp");
            browser.type("phone", BOB_PHONE);
            browser.click("send-code");
            assertThat(browser.text("code-label")).isEqualTo(
                    "Code sent to \u2022\u2022\u2022 0000 by WhatsApp, or by SMS if WhatsApp could not take it");

            browser.click("sms-instead");

            assertThat(browser.path()).isEqualTo("/login/whatsapp/code");
            assertThat(browser.text("message")).isEqualTo("We sent a code to \u2022\u2022\u2022 0000 by SMS.");
            browser.type("code", lastSmsCodeTo(BOB_PHONE));
            browser.click("check-code");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("who")).isEqualTo("Signed in as bob.");
        }
    }

    private String lastSmsCodeTo(String phone) {
        List<ReceivedSms> sent = inbox.stub().receivedSms().stream().filter(sms -> sms.to().equals(phone)).toList();
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1).body().replaceAll("\\D", "");
    }
}
