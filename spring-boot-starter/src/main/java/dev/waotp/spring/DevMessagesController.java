package dev.waotp.spring;

import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.Received;
import dev.waotp.testing.ReceivedMessage;
import dev.waotp.testing.ReceivedSms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode only: the messages the embedded stub received, WhatsApp and SMS in the order they came, newest last,
 * each with its channel and its code. A stub's codes reach no phone, so showing them is the point; with a real
 * account this class is never created.
 */
@RestController
final class DevMessagesController {
    private final KaleyraStub stub;
    private final Pattern smsCode;

    DevMessagesController(KaleyraStub stub, Pattern smsCode) {
        this.stub = stub;
        this.smsCode = smsCode;
    }

    /**
     * How to find the code in an SMS: the text of {@code waotp.sms.body} with the code's place as a group, and
     * every further {@code {otp}} the same code.
     */
    static Pattern smsCode(Environment environment) {
        String body = Binder.get(environment).bindOrCreate("waotp.sms", SmsProperties.class).body();
        StringBuilder pattern = new StringBuilder();
        String[] parts = body.split(Pattern.quote("{otp}"), -1);
        for (int i = 0; i < parts.length; i++) {
            pattern.append(i == 0 ? "" : i == 1 ? "(.{1,15}?)" : "\\1").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(pattern.toString(), Pattern.DOTALL);
    }

    @GetMapping(path = "${waotp.dev.messages-path:/waotp/dev/messages}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, @Nullable Object>> messages() {
        return stub.receivedAll().stream().map(this::shown).toList();
    }

    private Map<String, @Nullable Object> shown(Received received) {
        Map<String, @Nullable Object> shown = new LinkedHashMap<>();
        if (received instanceof ReceivedMessage message) {
            shown.put("channel", "whatsapp");
            shown.put("to", message.recipients());
            shown.put("template", message.templateName());
            shown.put("lang", message.lang());
            shown.put("code", message.otp());
        } else if (received instanceof ReceivedSms sms) {
            shown.put("channel", "sms");
            shown.put("to", List.of(sms.to()));
            shown.put("sender", sms.sender());
            shown.put("code", code(sms.body()));
            shown.put("body", sms.body());
        }
        shown.put("messageId", received.messageId());
        return shown;
    }

    /** The code, or null when the SMS was not written from {@code waotp.sms.body} (the body shows it then). */
    private @Nullable String code(String body) {
        Matcher matcher = smsCode.matcher(body);
        return matcher.matches() && matcher.groupCount() > 0 ? matcher.group(1) : null;
    }
}
