package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import dev.waotp.SmsMessage;
import dev.waotp.verify.SmsFallback;
import org.springframework.boot.context.properties.PropertyMapper;

/** Builds the verifier's {@link SmsFallback} from {@link SmsProperties} and {@link FallbackProperties}. */
final class SmsFallbackFactory {
    private static final String PREFIX = "waotp.sms.";

    private SmsFallbackFactory() {}

    /** The property behind a field the SMS builders named. */
    private static String property(String field) {
        return switch (field) {
            case "noDeliveryAfter" -> "waotp.verify.fallback.no-delivery-after";
            case "allowCountryCodes" -> PREFIX + "allowed-country-codes";
            case "count", "period" -> PREFIX + "cap." + field;
            default -> PREFIX + WaotpStartupException.kebabCase(field).replace('_', '-');
        };
    }

    static SmsFallback create(SmsProperties sms, FallbackProperties fallback, KaleyraClient client) {
        if (sms.allowedCountryCodes().isEmpty()) {
            throw WaotpStartupException.invalidProperty(PREFIX + "allowed-country-codes", "is empty, so no SMS could go"
                    + " anywhere", "List the country calling codes you serve, for example"
                    + " waotp.sms.allowed-country-codes=91,65, or remove waotp.sms.sender to turn the SMS fallback off.",
                    null);
        }
        SmsMessage.Builder template = SmsMessage.builder();
        try {
            SmsFallback.Builder builder = SmsFallback.builder((phone, code) -> client.sendSms(SmsMessage.builder()
                            .to(phone).sender(sms.sender()).type(sms.type()).templateId(sms.templateId())
                            .body(sms.body()).otp(code).build()))
                    .allowCountryCodes(sms.allowedCountryCodes().toArray(String[]::new))
                    .cap(sms.cap().count(), sms.cap().period());
            PropertyMapper.get().from(fallback.noDeliveryAfter()).to(builder::noDeliveryAfter);
            // The sender, type and template id are checked now, with a stand-in number of the first allowed country
            // and a stand-in code, so a mistake stops the start-up instead of the first fallback.
            template.to("+" + sms.allowedCountryCodes().get(0) + "9800000000").sender(sms.sender()).type(sms.type()).templateId(sms.templateId())
                    .body(sms.body()).otp("000000").build();
            return builder.build();
        } catch (InvalidInputException e) {
            throw WaotpStartupException.invalidProperty(property(e.field()), e.rule(), null, e);
        }
    }
}
