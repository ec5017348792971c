package dev.waotp.verify;

import dev.waotp.DailyLimitReachedException;
import dev.waotp.InvalidInputException;
import dev.waotp.InvalidPayloadException;
import dev.waotp.verify.RateLimits.Rule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sends the code by SMS when WhatsApp cannot deliver it: once per failed message, as a new code that
 * takes the WhatsApp one's place (its send, wait, expiry and attempts: no rate-limit token of its own),
 * only to the country calling codes the application allows, and under an application-wide SMS cap of
 * its own. A fallback that sends nothing gives back every token it took. SMS costs
 * money per message and premium numbers are the way toll fraud ("SMS pumping") earns it: nothing here
 * allows a country by default.
 *
 * <pre>{@code
 * SmsFallback sms = SmsFallback.builder((phone, code) -> client.sendSms(SmsMessage.builder()
 *                 .to(phone).sender("WAOTP").templateId(dltTemplateId)
 *                 .body("Your login code is {otp}").otp(code).build()))
 *         .allowCountryCodes("91", "65")
 *         .cap(200, Duration.ofHours(1))
 *         .build();
 * }</pre>
 */
public final class SmsFallback {
    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");

    final CodeSender sender;
    final List<String> allowedCountryCodes;
    final Rule cap;
    final @Nullable Duration noDeliveryAfter;
    final Predicate<RuntimeException> sendRefusal;

    private SmsFallback(Builder builder) {
        this.sender = builder.sender;
        this.allowedCountryCodes = List.copyOf(builder.countryCodes);
        this.cap = builder.cap;
        this.noDeliveryAfter = builder.noDeliveryAfter;
        this.sendRefusal = builder.sendRefusal;
    }

    /** A builder for a fallback that sends through {@code smsSender}, for example a {@code KaleyraClient.sendSms} call. */
    public static Builder builder(CodeSender smsSender) {
        return new Builder(smsSender);
    }

    /** Whether {@code phone} (E.164) starts with an allowed country calling code. */
    boolean allows(String phone) {
        for (String code : allowedCountryCodes) {
            if (phone.startsWith("+" + code)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SmsFallback{countries=" + allowedCountryCodes + ", cap=" + cap.count() + "/" + cap.period()
                + (noDeliveryAfter == null ? "" : ", noDeliveryAfter=" + noDeliveryAfter) + "}";
    }

    /** Options of an {@link SmsFallback}; {@link #allowCountryCodes} is needed for any SMS to go out. */
    public static final class Builder {
        private final CodeSender sender;
        private final Set<String> countryCodes = new TreeSet<>();
        private Rule cap = new Rule(100, Duration.ofHours(1));
        private @Nullable Duration noDeliveryAfter;
        private Predicate<RuntimeException> sendRefusal =
                e -> e instanceof InvalidPayloadException || e instanceof DailyLimitReachedException;

        private Builder(CodeSender sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /**
         * The country calling codes SMS may go to, such as {@code 91} (India) or {@code 1} (all of the North
         * American Numbering Plan, Caribbean numbers included: list only what you serve). Default: none, so no
         * SMS goes anywhere until the application says where.
         */
        public Builder allowCountryCodes(String... codes) {
            for (String code : codes) {
                if (code == null || !COUNTRY_CODE.matcher(code).matches()) {
                    throw new InvalidInputException("allowCountryCodes", "must be country calling codes of 1 to 3 digits"
                            + " without '+', such as 91, was " + code);
                }
                countryCodes.add(code);
            }
            return this;
        }

        /** At most {@code count} fallback SMS per {@code period} for the whole application; default 100 an hour. */
        public Builder cap(long count, Duration period) {
            this.cap = new Rule(count, period);
            return this;
        }

        /**
         * Also falls back when no {@code delivered} (or {@code read}) status arrived this long after the
         * WhatsApp send, as Vonage's {@code channel_timeout}; 1 second to 10 minutes. Default off. The wait
         * runs in the instance that sent; if it stops first, this fallback does not happen. It needs a
         * {@link Verifier.Builder#trackedSender tracked sender} and a wait shorter than the lifetime (the SMS code
         * keeps the WhatsApp code's expiry): {@link Verifier.Builder#build()} refuses it otherwise.
         */
        public Builder noDeliveryAfter(Duration wait) {
            Objects.requireNonNull(wait, "noDeliveryAfter");
            if (wait.compareTo(Duration.ofSeconds(1)) < 0 || wait.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new InvalidInputException("noDeliveryAfter", "must be 1 second to 10 minutes, was " + wait);
            }
            this.noDeliveryAfter = wait;
            return this;
        }

        /**
         * Which failures of the WhatsApp send mean "this number cannot get it" and fall back at once. Default:
         * {@code InvalidPayloadException} (Kaleyra's {@code WA400} for a payload built by a generated sender: the
         * recipient is what is left to refuse) and {@code DailyLimitReachedException} ({@code WAV2101}: the
         * account's WhatsApp limit, which SMS does not share).
         */
        public Builder fallBackOnSendFailure(Predicate<RuntimeException> sendRefusal) {
            this.sendRefusal = Objects.requireNonNull(sendRefusal, "sendRefusal");
            return this;
        }

        /** The fallback. */
        public SmsFallback build() {
            return new SmsFallback(this);
        }
    }
}
