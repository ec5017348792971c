package dev.waotp.verify;

import dev.waotp.DailyLimitReachedException;
import dev.waotp.InvalidInputException;
import dev.waotp.InvalidPayloadException;
import dev.waotp.PhoneNumber;
import dev.waotp.verify.RateLimits.Rule;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sends the code by SMS when WhatsApp cannot deliver it: once per failed message, as a new code that
<<<<<<< HEAD
 * takes the WhatsApp one's place (its send, wait, expiry and attempts: no rate-limit token of its own),
 * only to the country calling codes the application allows, and under an application-wide SMS cap of
 * its own. A fallback that sends nothing gives back every token it took. SMS costs
=======
 * replaces the WhatsApp one, within the verification's sends and every rate limit, only to mobile numbers
 * of the regions the application allows, and under an application-wide SMS cap of its own. SMS costs
>>>>>>> h-sms
 * money per message and premium numbers are the way toll fraud ("SMS pumping") earns it: nothing here
 * allows a region by default.
 *
 * <pre>{@code
 * SmsFallback sms = SmsFallback.builder((phone, code) -> client.sendSms(SmsMessage.builder()
 *                 .to(phone).sender("WAOTP").templateId(dltTemplateId)
 *                 .body("Your login code is {otp}").otp(code).build()))
 *         .allowRegions("IN", "SG")
 *         .cap(200, Duration.ofHours(1))
 *         .build();
 * }</pre>
 */
public final class SmsFallback {
    /**
     * The line types an SMS code goes to. A fixed line reads SMS out as a paid call, if at all; premium-rate,
     * shared-cost, UAN, personal, VoIP, pager, voicemail and toll-free ranges are where pumped traffic earns
     * money or no handset answers; UNKNOWN is a number in no range the metadata lists as assigned.
     */
    private static final Set<PhoneNumber.Type> SMS_TYPES = Set.of(PhoneNumber.Type.MOBILE,
            PhoneNumber.Type.FIXED_LINE_OR_MOBILE);

    final CodeSender sender;
    final Set<String> allowedRegions;
    final Rule cap;
    final @Nullable Duration noDeliveryAfter;
    final Predicate<RuntimeException> sendRefusal;

    private SmsFallback(Builder builder) {
        this.sender = builder.sender;
        this.allowedRegions = Set.copyOf(builder.regions);
        this.cap = builder.cap;
        this.noDeliveryAfter = builder.noDeliveryAfter;
        this.sendRefusal = builder.sendRefusal;
    }

    /** A builder for a fallback that sends through {@code smsSender}, for example a {@code KaleyraClient.sendSms} call. */
    public static Builder builder(CodeSender smsSender) {
        return new Builder(smsSender);
    }

    /**
     * Whether an SMS may go to {@code phone}: a number libphonenumber places in an allowed region, in a mobile
     * range. A number it cannot parse is refused, as is every number of no country (+881, +882...).
     */
    boolean allows(String phone) {
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(phone);
        } catch (InvalidInputException e) {
            return false;
        }
        return !number.isNonGeographic() && allowedRegions.contains(number.region()) && SMS_TYPES.contains(number.type());
    }

    @Override
    public String toString() {
        return "SmsFallback{regions=" + new TreeSet<>(allowedRegions) + ", cap=" + cap.count() + "/" + cap.period()
                + (noDeliveryAfter == null ? "" : ", noDeliveryAfter=" + noDeliveryAfter) + "}";
    }

    /** Options of an {@link SmsFallback}; {@link #allowRegions} is needed for any SMS to go out. */
    public static final class Builder {
        private final CodeSender sender;
        private final Set<String> regions = new TreeSet<>();
        private Rule cap = new Rule(100, Duration.ofHours(1));
        private @Nullable Duration noDeliveryAfter;
        private Predicate<RuntimeException> sendRefusal =
                e -> e instanceof InvalidPayloadException || e instanceof DailyLimitReachedException;

        private Builder(CodeSender sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /**
         * The regions SMS may go to, as ISO 3166-1 alpha-2 codes such as {@code IN} or {@code GB} (upper or lower
         * case). A number's region is libphonenumber's, from the number itself: {@code US} is not Canada nor
         * Jamaica (+1 876), {@code GB} is not Guernsey, Jersey or the Isle of Man (list {@code GG}, {@code JE},
         * {@code IM} too if you serve them). Only mobile numbers of those regions get an SMS; satellite and
         * international networks ({@code 001}: +881, +882...) never do. Default: none, so no SMS goes anywhere
         * until the application says where.
         */
        public Builder allowRegions(String... regions) {
            for (String region : regions) {
                String code = region == null ? null : region.toUpperCase(Locale.ROOT);
                if (PhoneNumber.NON_GEOGRAPHIC.equals(code)) {
                    throw new InvalidInputException("allowRegions", "must be regions of countries: 001, numbers of no"
                            + " country (satellite and international networks), never gets an SMS");
                }
                if (code == null || !PhoneNumber.regions().contains(code)) {
                    throw new InvalidInputException("allowRegions", "must be ISO 3166-1 alpha-2 region codes that"
                            + " have phone numbers, such as IN or GB, was " + region);
                }
                this.regions.add(code);
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
