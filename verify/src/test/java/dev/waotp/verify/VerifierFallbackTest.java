package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.Fault;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.StubCallbacks;
import dev.waotp.verify.FallbackResult.Refusal;
import dev.waotp.verify.tck.CallbackReceiver;
import dev.waotp.verify.tck.Concurrently;
import dev.waotp.verify.tck.StubPhone;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery seen by the verifier, and the SMS fallback's four triggers against the stub, which posts Kaleyra's
 * callbacks to a real endpoint: each sends one SMS whose new code is approved while the WhatsApp one no longer is.
 */
class VerifierFallbackTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String DELIVERED = "+919876543210";
    private static final String FAILING = "+919800000131";
    private static final String SILENT = "+919800000404";
    private static final String ABROAD = "+449800000131";

    private final CallbackReceiver receiver = new CallbackReceiver();
    private final StubPhone phone = new StubPhone(KaleyraStub.builder()
            .callbacks(StubCallbacks.to(receiver.url()).bearer(CallbackReceiver.TOKEN)
                    .outcome(FAILING, DeliveryOutcome.failed(131026, "Message undeliverable"))
                    .outcome(ABROAD, DeliveryOutcome.failed(131026, "Message undeliverable"))
                    .outcome(SILENT, new DeliveryOutcome(List.of(DeliveryState.SENT), null, null))
                    .build())
            .start());
    private final List<FallbackResult> fallbacks = new CopyOnWriteArrayList<>();

    private Verifier verifier(UnaryOperator<SmsFallback.Builder> sms) {
        return verifier(sms, Duration.ofSeconds(30));
    }

    private Verifier verifier(UnaryOperator<SmsFallback.Builder> sms, Duration resendAfter) {
        Verifier verifier = Verifier.builder().secret(SECRET).trackedSender(phone.trackedSender()).resendAfter(resendAfter)
                .smsFallback(sms.apply(SmsFallback.builder(phone.smsSender()).allowRegions("IN")).build())
                .listener(new VerificationListener() {
                    @Override
                    public void fellBack(FallbackResult result) {
                        fallbacks.add(result);
                    }
                })
                .build();
        receiver.listener(verifier);
        return verifier;
    }

    @AfterEach
    void close() {
        phone.close();
        receiver.close();
    }

    @Test
    void theVerifierKnowsTheDeliveryOfThePendingCode() {
        Verifier verifier = verifier(UnaryOperator.identity());
        verifier.start(DELIVERED, "caller");
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        assertThat(verifier.delivery(DELIVERED)).hasValue(new Delivery(Channel.WHATSAPP, DeliveryState.DELIVERED));
        assertThat(verifier.forPurpose("payment").delivery(DELIVERED)).isEmpty();
        assertThat(phone.stub().receivedSms()).isEmpty();
    }

    @Test
    void aFailedCallbackSendsOneSmsWhoseCodeReplacesTheWhatsappOne() {
        Verifier verifier = verifier(UnaryOperator.identity());
        verifier.start(FAILING, "caller");
        String whatsappCode = phone.lastCode();
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        assertThat(phone.stub().receivedSms()).singleElement().satisfies(sms -> assertThat(sms.to()).isEqualTo(FAILING));
        assertThat(fallbacks).singleElement().isInstanceOfSatisfying(FallbackResult.Sent.class,
                sent -> assertThat(sent.reason()).isEqualTo(FallbackReason.DELIVERY_FAILED));
        assertThat(verifier.delivery(FAILING)).hasValue(new Delivery(Channel.SMS, null));
        assertThat(verifier.check(FAILING, whatsappCode)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(verifier.check(FAILING, phone.lastSmsCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void aSendRefusedAtOnceFallsBackInTheStartItself() {
        Verifier verifier = verifier(UnaryOperator.identity());
        phone.stub().failNext(1, Fault.dailyLimitReached());

        StartResult started = verifier.start(DELIVERED, "caller");

        assertThat(started).isInstanceOfSatisfying(StartResult.Sent.class,
                sent -> assertThat(sent.channel()).isEqualTo(Channel.SMS));
        assertThat(phone.stub().receivedSms()).hasSize(1);
        assertThat(verifier.check(DELIVERED, phone.lastSmsCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void theUserCanAskForTheCodeBySms() {
        Verifier verifier = verifier(UnaryOperator.identity(), Duration.ZERO);
        verifier.start(DELIVERED, "caller");
        String whatsappCode = phone.lastCode();

        FallbackResult result = verifier.resendBySms(DELIVERED, "caller");

        assertThat(result).isInstanceOfSatisfying(FallbackResult.Sent.class,
                sent -> assertThat(sent.reason()).isEqualTo(FallbackReason.ASKED));
        assertThat(verifier.check(DELIVERED, whatsappCode)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(verifier.check(DELIVERED, phone.lastSmsCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void askingForTheCodeBySmsWaitsLikeAResend() {
        Verifier verifier = verifier(UnaryOperator.identity());
        verifier.start(DELIVERED, "caller");

        assertThat(verifier.resendBySms(DELIVERED, "caller")).isInstanceOfSatisfying(FallbackResult.Refused.class,
                refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.TOO_SOON);
                    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
                });
        assertThat(phone.stub().receivedSms()).isEmpty();
    }

    @Test
    void noDeliveredWithinTheWaitFallsBack() throws Exception {
        Verifier verifier = verifier(sms -> sms.noDeliveryAfter(Duration.ofSeconds(1)));
        verifier.start(SILENT, "caller");
        String whatsappCode = phone.lastCode();

        // The timer's thread sends the SMS, then tells the listener: wait for the listener, the later of the two.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fallbacks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(phone.stub().receivedSms()).hasSize(1);
        assertThat(fallbacks).singleElement().isInstanceOfSatisfying(FallbackResult.Sent.class,
                sent -> assertThat(sent.reason()).isEqualTo(FallbackReason.NO_DELIVERY));
        assertThat(verifier.check(SILENT, whatsappCode)).isInstanceOf(CheckResult.WrongCode.class);
        assertThat(verifier.check(SILENT, phone.lastSmsCode())).isEqualTo(new CheckResult.Approved());
    }

    @Test
    void aDeliveredMessageDoesNotFallBackAfterTheWait() throws Exception {
        Verifier verifier = verifier(sms -> sms.noDeliveryAfter(Duration.ofSeconds(1)));
        verifier.start(DELIVERED, "caller");
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        Thread.sleep(1500);

        assertThat(phone.stub().receivedSms()).isEmpty();
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void aCountryOutsideTheAllowListGetsNoSmsAndATypedRefusal() {
        Verifier verifier = verifier(UnaryOperator.identity());
        verifier.start(ABROAD, "caller");
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        assertThat(phone.stub().receivedSms()).isEmpty();
        assertThat(fallbacks).singleElement().isEqualTo(
                new FallbackResult.Refused(FallbackReason.DELIVERY_FAILED, Refusal.COUNTRY_NOT_ALLOWED, null));
    }

    @Test
    void anExhaustedSmsCapGetsNoSmsAndSaysWhen() {
        Verifier verifier = verifier(sms -> sms.cap(1, Duration.ofHours(1)));
        verifier.resendBySms("+919800000001", "caller-1");

        FallbackResult second = verifier.resendBySms("+919800000002", "caller-2");

        assertThat(second).isInstanceOfSatisfying(FallbackResult.Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.SMS_CAP_REACHED);
            assertThat(refused.retryAfter()).isPositive();
        });
        assertThat(phone.stub().receivedSms()).hasSize(1);
    }

    /** The SMS takes the failed send's place, so the last send's failed message still gets one; nothing follows. */
    @Test
    void theLastSendsFailedMessageStillGetsItsSmsButAnExhaustedVerificationNoMore() {
        Verifier verifier = Verifier.builder().secret(SECRET).trackedSender(phone.trackedSender()).maxSends(1)
                .resendAfter(Duration.ZERO)
                .smsFallback(SmsFallback.builder(phone.smsSender()).allowRegions("IN").build()).build();
        receiver.listener(verifier);
        verifier.start(FAILING, "caller");
        phone.stub().awaitCallbacks(Duration.ofSeconds(5));

        assertThat(phone.stub().receivedSms()).hasSize(1);
        assertThat(verifier.resendBySms(FAILING, "caller")).isInstanceOfSatisfying(FallbackResult.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.SENDS_USED_UP));
        assertThat(phone.stub().receivedSms()).hasSize(1);
    }

    @Test
    void theSameFailureFromManyThreadsSendsOneSms() throws Exception {
        Verifier verifier = Verifier.builder().secret(SECRET).trackedSender(phone.trackedSender())
                .smsFallback(SmsFallback.builder(phone.smsSender()).allowRegions("IN").build()).build();
        verifier.start(DELIVERED, "caller");
        String tag = phone.received().get(0).ref2();
        DeliveryStatus failed = new DeliveryStatus(DeliveryState.FAILED, "wamid.x", null, DELIVERED.substring(1),
                null, "131026", "Message undeliverable", null, null, tag);

        Concurrently.run(32, () -> {
            verifier.onStatus(failed);
            return null;
        });

        assertThat(phone.stub().receivedSms()).hasSize(1);
    }

    @Test
    void aStatusForAnUnknownOrForeignMessageChangesNothing() {
        Verifier verifier = verifier(UnaryOperator.identity());
        verifier.start(DELIVERED, "caller");
        String tag = phone.received().get(0).ref2();
        String forged = tag.substring(0, tag.length() - 4) + "AAAA";

        verifier.onStatus(new DeliveryStatus(DeliveryState.FAILED, "wamid.y", null, null, null, null, null, null, null, forged));
        verifier.onStatus(new DeliveryStatus(DeliveryState.FAILED, "wamid.z", null, null, null, null, null, null, null, "customer-7"));

        assertThat(phone.stub().receivedSms()).isEmpty();
        assertThat(verifier.delivery(DELIVERED)).map(Delivery::state).isNotEqualTo(Optional.of(DeliveryState.FAILED));
    }
}
