package dev.waotp.bench;

import dev.waotp.AuthTemplate;
import dev.waotp.TemplateSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * What every variant sends: the same template, and recipients and codes that change from one operation
 * to the next (a counter indexes small arrays), so that no variant can fold its payload to a constant.
 */
final class Inputs {
    static final int SIZE = 16;
    static final String TEMPLATE_NAME = "auth1";
    static final String LANGUAGE = "en_US";

    private static final String[] PHONES = new String[SIZE];
    private static final String[] CODES = new String[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            PHONES[i] = "+9198765" + (43210 + 7 * i);
            CODES[i] = String.valueOf(482913 + 1009 * i);
        }
    }

    // The body the generated sender writes, cut where the values go: "the practical limit" only
    // concatenates them in.
    private static final String BEFORE_TO =
            "{\"messaging_object\":{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"";
    private static final String BEFORE_BODY_OTP = "\",\"type\":\"template\",\"template\":{\"name\":\"" + TEMPLATE_NAME
            + "\",\"language\":{\"code\":\"" + LANGUAGE + "\"},\"components\":[{\"type\":\"body\",\"parameters\":"
            + "[{\"type\":\"text\",\"text\":\"";
    private static final String BEFORE_BUTTON_OTP =
            "\"}]},{\"type\":\"button\",\"sub_type\":\"url\",\"index\":0,\"parameters\":[{\"type\":\"text\",\"text\":\"";
    private static final String AFTER_BUTTON_OTP = "\"}]}]}},\"extra_info\":{\"wa_source\":\"api\"}}";

    private Inputs() {}

    static String phone(int i) {
        return PHONES[i & (SIZE - 1)];
    }

    static String code(int i) {
        return CODES[i & (SIZE - 1)];
    }

    /** The raw-bytes limit: the body as one precomputed string with the number and the code put in. */
    static byte[] rawBody(String phone, String code) {
        return (BEFORE_TO + phone + BEFORE_BODY_OTP + code + BEFORE_BUTTON_OTP + code + AFTER_BUTTON_OTP)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The hand-written Jackson way: the body as nested maps and lists. */
    static byte[] mapBody(ObjectMapper mapper, String phone, String code) throws Exception {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("code", LANGUAGE);
        Map<String, Object> bodyComponent = new LinkedHashMap<>();
        bodyComponent.put("type", "body");
        bodyComponent.put("parameters", List.of(textParameter(code)));
        Map<String, Object> buttonComponent = new LinkedHashMap<>();
        buttonComponent.put("type", "button");
        buttonComponent.put("sub_type", "url");
        buttonComponent.put("index", 0);
        buttonComponent.put("parameters", List.of(textParameter(code)));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", TEMPLATE_NAME);
        template.put("language", language);
        template.put("components", List.of(bodyComponent, buttonComponent));
        Map<String, Object> messagingObject = new LinkedHashMap<>();
        messagingObject.put("messaging_product", "whatsapp");
        messagingObject.put("recipient_type", "individual");
        messagingObject.put("to", phone);
        messagingObject.put("type", "template");
        messagingObject.put("template", template);
        Map<String, Object> extraInfo = new LinkedHashMap<>();
        extraInfo.put("wa_source", "api");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("messaging_object", messagingObject);
        request.put("extra_info", extraInfo);
        return mapper.writeValueAsBytes(request);
    }

    private static Map<String, Object> textParameter(String code) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("type", "text");
        parameter.put("text", code);
        return parameter;
    }

    /** The template {@code OtpSender}'s annotation names, as the generated {@code OtpSenderImpl} holds it. */
    static TemplateSpec generatedTemplate() {
        AuthTemplate template = OtpSender.class.getAnnotation(AuthTemplate.class);
        return TemplateSpec.of(template.name(), template.lang()[0], template.buttonIndex(), template.source());
    }
}
