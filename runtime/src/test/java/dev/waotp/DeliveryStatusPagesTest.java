package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every documented status callback, parsed from the page's text (see {@link CallbackPages}). */
class DeliveryStatusPagesTest {
    private static List<DeliveryStatus> parse(String body) throws Exception {
        return DeliveryStatusParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sentAsKaleyraPrintsIt() throws Exception {
        assertThat(parse(CallbackPages.sent())).containsExactly(new DeliveryStatus(
                DeliveryState.SENT,
                "wamid.HBgMOTE5NDAXXXXXX3MDFQIAERgSMEYxMEM1QjQ3QjXXXXXXQ2N0YA",
                "XXX7f9c32XXXX9deXXXXXXacac299cfb",
                "919407XXXXXX",
                Instant.ofEpochSecond(1722834665L),
                null, null,
                "campaign_2025_summer_sale", "order_ORD_456789", "payment_pending"));
    }

    @Test
    void notSentAsKaleyraPrintsItWithItsSpaceInsteadOfAHyphen() throws Exception {
        DeliveryStatus status = parse(CallbackPages.notSentDailyLimit()).get(0);
        assertThat(status.state()).isEqualTo(DeliveryState.NOT_SENT);
        assertThat(status.state().isFailure()).isTrue();
        assertThat(status.messageId()).isEqualTo("wamid.XXXXXHE5NXXXXXXXXXXDAQ==");
        assertThat(status.errorCode()).isEqualTo("WAV2101");
        assertThat(status.errorTitle()).isEqualTo("Account daily limit reached");
        assertThat(status.recipient()).isNull();
        assertThat(status.statusId()).isNull();
        assertThat(status.ref2()).isEqualTo("payment_pending");
    }

    @Test
    void delivered() throws Exception {
        DeliveryStatus status = parse(CallbackPages.inKaleyraWrapper("delivered")).get(0);
        assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(status.statusId()).isEqualTo("wamid.ID");
        assertThat(status.timestamp()).isEqualTo(Instant.ofEpochSecond(1722834700L));
        assertThat(status.errorCode()).isNull();
        assertThat(status.ref()).isEqualTo("campaign_2025_summer_sale");
    }

    @Test
    void read() throws Exception {
        DeliveryStatus status = parse(CallbackPages.inKaleyraWrapper("read")).get(0);
        assertThat(status.state()).isEqualTo(DeliveryState.READ);
        assertThat(status.state().isFailure()).isFalse();
        assertThat(status.recipient()).isEqualTo("919407XXXXXX");
    }

    @Test
    void failedCarriesMetasErrorCodeAndTitle() throws Exception {
        DeliveryStatus status = parse(CallbackPages.inKaleyraWrapper("failed")).get(0);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.errorCode()).isEqualTo("131014");
        assertThat(status.errorTitle()).isEqualTo("Request for url https://URL.jpg failed with error: 404 (Not Found)");
    }

    @Test
    void noCallbackIdHasTheFormOfTheSendsMessageId() throws Exception {
        // The send page's 202 names the message "A" and 19 characters; no callback id looks like it.
        DeliveryStatus status = parse(CallbackPages.sent()).get(0);
        assertThat(List.of(status.messageId(), status.statusId())).noneMatch(id -> id.matches("A[A-Za-z0-9]{19}"));
    }
}
