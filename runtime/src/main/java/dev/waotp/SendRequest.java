package dev.waotp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The request body of {@code POST /v2/<sid>/whatsapp/<number>/messages}, field for field as the
 * Kaleyra page gives it. Absent optional fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"messaging_object", "extra_info"})
record SendRequest(
        @JsonProperty("messaging_object") MessagingObject messagingObject,
        @JsonProperty("extra_info") ExtraInfo extraInfo) {

    static SendRequest of(TemplateSpec spec, String to, String otpText, String ref, String ref1, String ref2) {
        return of(spec, to, otpText, ref, ref1, ref2, null);
    }

    static SendRequest of(TemplateSpec spec, String to, String otpText, String ref, String ref1, String ref2,
            String callbackProfileId) {
        Parameter otp = new Parameter("text", otpText);
        Template template = new Template(
                spec.name(),
                new Language(spec.lang()),
                List.of(
                        new Component("body", null, null, List.of(otp)),
                        new Component("button", "url", spec.buttonIndex(), List.of(otp))));
        MessagingObject messagingObject = new MessagingObject(
                "whatsapp", "individual", to, "template", template);
        ExtraInfo extraInfo = new ExtraInfo(ref, ref1, ref2, spec.source().wireValue(), callbackProfileId);
        return new SendRequest(messagingObject, extraInfo);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"messaging_product", "recipient_type", "to", "type", "template"})
    record MessagingObject(
            @JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType,
            @JsonProperty("to") String to,
            @JsonProperty("type") String type,
            @JsonProperty("template") Template template) {
        @Override
        public String toString() {
            return "MessagingObject[to=" + Redaction.phoneNumbers(List.of(to.split(","))) + ", template=" + template + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "language", "components"})
    record Template(
            @JsonProperty("name") String name,
            @JsonProperty("language") Language language,
            @JsonProperty("components") List<Component> components) {}

    record Language(@JsonProperty("code") String code) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "sub_type", "index", "parameters"})
    record Component(
            @JsonProperty("type") String type,
            @JsonProperty("sub_type") String subType,
            @JsonProperty("index") Integer index,
            @JsonProperty("parameters") List<Parameter> parameters) {}

    @JsonPropertyOrder({"type", "text"})
    record Parameter(@JsonProperty("type") String type, @JsonProperty("text") String text) {
        @Override
        public String toString() {
            return "Parameter[type=" + type + ", text=" + Redaction.SECRET + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ref", "ref1", "ref2", "wa_source", "callback_profile_id"})
    record ExtraInfo(
            @JsonProperty("ref") String ref,
            @JsonProperty("ref1") String ref1,
            @JsonProperty("ref2") String ref2,
            @JsonProperty("wa_source") String waSource,
            /*
             * Kaleyra's callback page says only that the id goes "in the Send Message template/session
             * API payload"; extra_info is where v2 keeps Kaleyra's own send options (they come back in
             * the callback's extra_info), so it goes here. See README, "Delivery status".
             */
            @JsonProperty("callback_profile_id") String callbackProfileId) {}
}
