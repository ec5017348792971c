package dev.waotp.spring;

import dev.waotp.testing.DeliveryOutcome;
import dev.waotp.testing.KaleyraStub;
import dev.waotp.testing.StubCallbacks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's failing numbers ({@code waotp.dev.numbers.*}): checked, then given to the stub, a refused one as a
 * refusal of the send, a failed or not-sent one as the status callback the stub posts instead of delivered.
 */
final class DevModeNumbers {
    private static final Logger LOG = LoggerFactory.getLogger(DevModeAutoConfiguration.class);
    private static final String PREFIX = "waotp.dev.numbers.";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** Meta's error for a number without WhatsApp, the failure a developer most wants to try. */
    static final DeliveryOutcome FAILED = DeliveryOutcome.failed(131026, "Message undeliverable");
    /** The not-sent of Kaleyra's callback page. */
    static final DeliveryOutcome NOT_SENT = DeliveryOutcome.notSent("WAV2101", "Account daily limit reached");

    private DevModeNumbers() {}

    /** Stops the start-up on a number that is not E.164, or listed twice, or that needs callbacks there are not. */
    static void check(DevModeProperties.Numbers numbers, boolean callbacks) {
        Map<String, String> seen = new HashMap<>();
        check("failed", numbers.failed(), seen);
        check("not-sent", numbers.notSent(), seen);
        check("refused", numbers.refused(), seen);
        for (String property : new String[] {"failed", "not-sent"}) {
            boolean set = property.equals("failed") ? !numbers.failed().isEmpty() : !numbers.notSent().isEmpty();
            if (set && !callbacks) {
                throw new WaotpStartupException("waotp.dev.numbers." + property + " is set, but the stub posts that"
                        + " status as a delivery callback, and waotp.callbacks.path, the endpoint it posts to, is not"
                        + " set.", "Set waotp.callbacks.path and its credentials (waotp.callbacks.*) as for Kaleyra, or"
                        + " use waotp.dev.numbers.refused, which needs no callback.", null);
            }
        }
    }

    private static void check(String property, List<String> numbers, Map<String, String> seen) {
        for (int i = 0; i < numbers.size(); i++) {
            String name = PREFIX + property + "[" + i + "]";
            if (!E164.matcher(numbers.get(i)).matches()) {
                throw WaotpStartupException.invalidProperty(name, "must be a number in E.164 form: '+' then 8 to 15"
                        + " digits, the first not 0", null, null);
            }
            String earlier = seen.putIfAbsent(numbers.get(i), name);
            if (earlier != null) {
                throw WaotpStartupException.invalidProperty(name, "lists the same number as " + earlier
                        + ", and a number fails one way", null, null);
            }
        }
    }

    /** The refused numbers, on the stub being built. */
    static void refuse(DevModeProperties.Numbers numbers, KaleyraStub.Builder stub) {
        numbers.refused().forEach(stub::refuse);
    }

    /** The failed and not-sent numbers, on the callbacks being built. */
    static void outcomes(DevModeProperties.Numbers numbers, StubCallbacks.Builder callbacks) {
        numbers.failed().forEach(number -> callbacks.outcome(number, FAILED));
        numbers.notSent().forEach(number -> callbacks.outcome(number, NOT_SENT));
    }

    static void log(DevModeProperties.Numbers numbers) {
        if (!numbers.failed().isEmpty() || !numbers.notSent().isEmpty() || !numbers.refused().isEmpty()) {
            LOG.info("waotp dev mode: messages to these numbers fail: failed (Meta 131026) {}, not-sent (WAV2101) {},"
                    + " refused (WA400) {}", numbers.failed(), numbers.notSent(), numbers.refused());
        }
    }
}
