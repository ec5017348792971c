package dev.waotp.verify.tck;

import dev.waotp.DeliveryState;
import dev.waotp.DeliveryStatus;
import dev.waotp.KaleyraException;
import dev.waotp.SendResult;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.SmsFallback;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationListener;
import dev.waotp.verify.Verifier;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.spi.VerificationStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * What the fallback contract's tests share: verifiers of one or more application instances over the backend under
 * test, a WhatsApp sender that refuses some numbers at once (as Kaleyra refuses a number not on WhatsApp) and records
 * the tag of every other send, an SMS sender that records every SMS, and answers written so two can be compared.
 */
public abstract class FallbackFixture {
    /** A number with an account whose WhatsApp send is refused at once, so its code goes by SMS. */
    protected static final String REFUSED = "+919800000131";
    /** A number with an account whose WhatsApp message is taken, then reported failed by a callback. */
    protected static final String UNDELIVERED = "+919800000132";
    /** A number with an account whose WhatsApp works. */
    protected static final String ASKER = "+919800000133";
    /** A number without an account: the form starts it without sending. */
    protected static final String STRANGER = "+919800000404";
    /** Never a code: one character longer than any the verifiers make. */
    protected static final String WRONG = "0000000";
    private static final byte[] SECRET = "fallback-contract-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);

    /** The verifiers' clock; starts at the real time, so Redis key expiry keeps entries for the test. */
    protected final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    /** The phone of every SMS sent, in order. */
    protected final List<String> sms = new CopyOnWriteArrayList<>();
    /** Every fallback's outcome, as the verifiers' listener heard it. */
    protected final List<FallbackResult> fallbacks = new CopyOnWriteArrayList<>();
    private final Set<String> refusing = Set.of(REFUSED, "+919800000134", "+919800000135");
    private final Map<String, String> lastTags = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    /**
     * The store of one more application instance over the test's one shared state: the same object in memory, a
     * new client of the same server (and the test's own key prefix) on Redis.
     */
    protected abstract VerificationStore newStore();

    /** The rate-limit storage of one more application instance over the test's one shared state. */
    protected abstract RateLimitStorage newRateLimitStorage();

    @AfterEach
    void closeInstances() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    /** A verifier of a new application instance, its SMS fallback allowing India, with these options. */
    protected Verifier instance(UnaryOperator<Verifier.Builder> options, UnaryOperator<SmsFallback.Builder> fallback) {
        VerificationStore store = newStore();
        RateLimitStorage limits = newRateLimitStorage();
        for (Object backend : List.of(store, limits)) {
            if (backend instanceof AutoCloseable closeable && !closing.contains(closeable)) {
                closing.add(closeable);
            }
        }
        SmsFallback sms = fallback.apply(SmsFallback.builder((phone, code) -> {
            this.sms.add(phone);
            return new SendResult(List.of("sms-" + this.sms.size()), null, null);
        }).allowRegions("IN").fallBackOnSendFailure(NotOnWhatsApp.class::isInstance)).build();
        return options.apply(Verifier.builder().secret(SECRET).clock(clock).store(store).rateLimitStorage(limits)
                .trackedSender((phone, code, tag) -> {
                    if (refusing.contains(phone)) {
                        throw new NotOnWhatsApp();
                    }
                    lastTags.put(phone, tag);
                    return new SendResult(List.of("wamid." + tag.hashCode()), "WA202", null);
                })
                .smsFallback(sms)
                .listener(new VerificationListener() {
                    @Override
                    public void fellBack(FallbackResult result) {
                        fallbacks.add(result);
                    }
                })).build();
    }

    /** A verifier of a new application instance with the default settings. */
    protected Verifier instance() {
        return instance(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** Kaleyra's {@code failed} callback for the last WhatsApp message sent to {@code phone}. */
    protected DeliveryStatus failedCallbackFor(String phone) {
        String tag = lastTags.get(phone);
        if (tag == null) {
            throw new AssertionError("no WhatsApp message was taken for " + phone);
        }
        return new DeliveryStatus(DeliveryState.FAILED, "wamid.failed", null, phone.substring(1), null, "131026",
                "Message undeliverable", null, null, tag);
    }

    /**
     * A start's answer as the sign-in form and the JSON endpoint show it: a sent one by its expiry, wait and sends
     * left (not by channel or Kaleyra's answer, which neither shows); a failed send as such.
     */
    protected static String answer(Supplier<StartResult> start) {
        try {
            StartResult result = start.get();
            return result instanceof StartResult.Sent sent
                    ? "Sent[expiresAt=" + sent.expiresAt() + ", resendAfter=" + sent.resendAfter()
                            + ", sendsLeft=" + sent.sendsLeft() + "]"
                    : result.toString();
        } catch (KaleyraException e) {
            return "NotSent[" + e.getClass().getSimpleName() + "]";
        }
    }

    /** What Kaleyra answers for a number that is not on WhatsApp, as far as the fallback's test is concerned. */
    protected static final class NotOnWhatsApp extends KaleyraException {
        private static final long serialVersionUID = 1L;

        NotOnWhatsApp() {
            super("the recipient is not on WhatsApp");
        }
    }
}
