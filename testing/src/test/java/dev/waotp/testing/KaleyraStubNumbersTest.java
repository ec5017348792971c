package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.AuthMessage;
import dev.waotp.InvalidPayloadException;
import dev.waotp.KaleyraClient;
import dev.waotp.SmsMessage;
import dev.waotp.TemplateSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What dev mode builds on: a number whose sends the stub refuses, as Twilio's magic test numbers fail, and one
 * list of what arrived on both channels in the order it arrived.
 */
class KaleyraStubNumbersTest {
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");
    private static final String REFUSED = "+919000000003";
    private static final String OTHER = "+919876543210";

    private final KaleyraStub stub = KaleyraStub.builder().refuse(REFUSED).start();
    private final KaleyraClient client = stub.clientBuilder().build();

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void aRefusedNumbersSendsGetKaleyrasBadPayloadAnswerAndOthersDoNot() {
        assertThatThrownBy(() -> client.send(AuthMessage.builder(AUTH1).to(REFUSED).otp("482913").build()))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageNotContaining("482913");
        client.send(AuthMessage.builder(AUTH1).to(OTHER).otp("111111").build());

        assertThat(stub.received()).extracting(ReceivedMessage::recipients).containsExactly(java.util.List.of(OTHER));
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedNumberStillGetsSms() {
        client.sendSms(SmsMessage.builder().to(REFUSED).sender("KLRHXA").templateId("1207161234567890123")
                .body("{otp} is your code").otp("482913").build());

        assertThat(stub.receivedSms()).extracting(ReceivedSms::to).containsExactly(REFUSED);
    }

    @Test
    void bothChannelsAreListedInTheOrderTheyArrived() {
        client.send(AuthMessage.builder(AUTH1).to(OTHER).otp("111111").build());
        client.sendSms(SmsMessage.builder().to("+14155550100").sender("KLRHXA").body("{otp}").otp("222222").build());
        client.send(AuthMessage.builder(AUTH1).to(OTHER).otp("333333").build());

        assertThat(stub.receivedAll()).hasSize(3).satisfiesExactly(
                first -> assertThat(first).isInstanceOfSatisfying(ReceivedMessage.class,
                        m -> assertThat(m.otp()).isEqualTo("111111")),
                second -> assertThat(second).isInstanceOfSatisfying(ReceivedSms.class,
                        sms -> assertThat(sms.body()).isEqualTo("222222")),
                third -> assertThat(third).isInstanceOfSatisfying(ReceivedMessage.class,
                        m -> assertThat(m.otp()).isEqualTo("333333")));

        stub.reset();
        assertThat(stub.receivedAll()).isEmpty();
    }

    @Test
    void onlyANumberCanBeRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KaleyraStub.builder().refuse("919000000003"))
                .withMessage("a refused number must be E.164: '+' and 8 to 15 digits");
    }
}
