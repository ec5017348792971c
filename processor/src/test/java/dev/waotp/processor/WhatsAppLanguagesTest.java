package dev.waotp.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.waotp.InvalidInputException;
import dev.waotp.TemplateSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's language rules against the runtime's: a code the processor lets through must not
 * make the generated sender fail when its class loads.
 */
class WhatsAppLanguagesTest {
    @Test
    void everyListedCodeIsWellFormedAndAcceptedByTheRuntime() {
        for (String code : WhatsAppLanguages.META_CODES) {
            assertWithMessage(code).that(WhatsAppLanguages.isWellFormed(code)).isTrue();
            assertWithMessage(code).that(runtimeAccepts(code)).isTrue();
        }
    }

    @Test
    void anExtraCodeIsWellFormedExactlyWhenTheRuntimeAcceptsIt() {
        for (String code : List.of("ha", "yue", "ha_NG", "sr_LATN", "h", "hausa", "ha_ng", "ha-NG", "HA", "ha_N",
                "ha_NIGER", "_NG", "ha_", "", " ha")) {
            assertWithMessage(code).that(WhatsAppLanguages.isWellFormed(code)).isEqualTo(runtimeAccepts(code));
        }
    }

    private static boolean runtimeAccepts(String code) {
        try {
            TemplateSpec.of("auth1", code);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
