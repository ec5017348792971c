package dev.waotp.spring;

import dev.waotp.testing.KaleyraStub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev mode only: the messages the embedded stub received, newest last, with the codes in them. A stub's
 * codes reach no phone, so showing them is the point; with a real account this class is never created.
 */
@RestController
final class DevMessagesController {
    private final KaleyraStub stub;

    DevMessagesController(KaleyraStub stub) {
        this.stub = stub;
    }

    @GetMapping(path = "${waotp.dev.messages-path:/waotp/dev/messages}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> messages() {
        return stub.received().stream().map(message -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("to", message.recipients());
            shown.put("template", message.templateName());
            shown.put("lang", message.lang());
            shown.put("code", message.otp());
            shown.put("messageId", message.messageId());
            return shown;
        }).toList();
    }
}
