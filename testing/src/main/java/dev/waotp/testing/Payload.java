package dev.waotp.testing;

import java.util.List;

/** What a well-formed request body says; the stub turns it into a {@link ReceivedMessage} once accepted. */
record Payload(
        List<String> recipients,
        String templateName,
        String lang,
        String otp,
        int buttonIndex,
        String subType,
        String ref,
        String ref1,
        String ref2,
        String waSource) {

    ReceivedMessage received(String messageId, String businessNumber, String rawJson) {
        return new ReceivedMessage(messageId, businessNumber, recipients, templateName, lang, otp,
                buttonIndex, subType, ref, ref1, ref2, waSource, rawJson);
    }

    @Override
    public String toString() {
        return "Payload{template=" + templateName + "/" + lang + ", otp=****}";
    }
}
