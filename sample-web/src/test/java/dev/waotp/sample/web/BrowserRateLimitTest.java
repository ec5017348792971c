package dev.waotp.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.spring.test.AutoConfigureKaleyraStub;
import dev.waotp.spring.test.KaleyraStubInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rate limit's wait as the user reads it: one code per phone an hour, so a second start is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"waotp.verify.limits.per-phone.count=1", "waotp.verify.limits.per-phone.period=1h"})
@AutoConfigureKaleyraStub
class BrowserRateLimitTest {
    @LocalServerPort
    int port;

    @Autowired
    KaleyraStubInbox inbox;

    @Test
    void aSecondCodeWithinTheHourShowsHowLongToWait() {
        try (Browser browser = Browser.open(port)) {
            browser.startTest("rate-limit");
            browser.go("/login/whatsapp");
            browser.type("phone", SampleUsers.ALICE_PHONE);
            browser.click("send-code");
            assertThat(inbox.messagesTo(SampleUsers.ALICE_PHONE)).hasSize(1);

            browser.click("new-code");
            browser.type("phone", SampleUsers.ALICE_PHONE);
            browser.click("send-code");

            assertThat(browser.path()).isEqualTo("/login/whatsapp");
            assertThat(browser.text("message")).isEqualTo("Too many codes were asked for. Try again in 60 minutes.");
            assertThat(inbox.messagesTo(SampleUsers.ALICE_PHONE)).hasSize(1);
        }
    }
}
