package dev.waotp.spring;

import dev.waotp.InvalidInputException;
import dev.waotp.KaleyraClient;
import dev.waotp.PhoneNumber;
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
            case "allowRegions" -> PREFIX + "allowed-regions";
            case "count", "period" -> PREFIX + "cap." + field;
            default -> PREFIX + WaotpStartupException.kebabCase(field).replace('_', '-');
        };
    }

    static SmsFallback create(SmsProperties sms, FallbackProperties fallback, KaleyraClient client) {
        if (sms.allowedRegions().isEmpty()) {
            throw WaotpStartupException.invalidProperty(PREFIX + "allowed-regions", "is empty, so no SMS could go"
                    + " anywhere", "List the regions you serve as ISO 3166 codes, for example"
                    + " waotp.sms.allowed-regions=IN,SG, or remove waotp.sms.sender to turn the SMS fallback off.",
                    null);
        }
        try {
            SmsFallback.Builder builder = SmsFallback.builder((phone, code) -> client.sendSms(SmsMessage.builder()
                            .to(phone).sender(sms.sender()).type(sms.type()).templateId(sms.templateId())
                            .body(sms.body()).otp(code).build()))
                    .allowRegions(sms.allowedRegions().toArray(String[]::new))
                    .cap(sms.cap().count(), sms.cap().period());
            PropertyMapper.get().from(fallback.noDeliveryAfter()).to(builder::noDeliveryAfter);
            // The sender, type and template id are checked now, with a stand-in number of each allowed region (India
            // asks for a DLT template id, wherever it is in the list) and a stand-in code, so a mistake stops the
            // start-up instead of the first fallback.
            for (String region : sms.allowedRegions()) {
                SmsMessage.builder().to("+" + PhoneNumber.countryCodeOf(region) + "9800000000").sender(sms.sender())
                        .type(sms.type()).templateId(sms.templateId()).body(sms.body()).otp("000000").build();
            }
            return builder.build();
        } catch (InvalidInputException e) {
            throw WaotpStartupException.invalidProperty(property(e.field()), e.rule(), null, e);
        }
    }
}
