package dev.waotp.spring.web;

import dev.waotp.SendResult;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A verifier whose sender keeps the last code per phone instead of sending it, as a phone would show it. */
public final class TestVerifiers {
    public static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    private final Map<String, String> lastCodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> sends = new ConcurrentHashMap<>();
    private volatile Duration sendTime = Duration.ZERO;

    /** A builder with the recording sender and the secret; the test adds its limits. */
    public Verifier.Builder builder() {
        return Verifier.builder()
                .secret(SECRET.getBytes(StandardCharsets.UTF_8))
                .sender((phone, code) -> {
                    pause(sendTime);
                    lastCodes.put(phone, code);
                    sends.merge(phone, 1, Integer::sum);
                    return new SendResult(List.of("msg-" + phone), null, null);
                });
    }

    /** Per-caller limit of {@code perCaller} starts an hour, the other limits off. */
    public Verifier withCallerLimit(long perCaller) {
        return builder().rateLimits(RateLimits.builder().perCaller(perCaller, Duration.ofHours(1))
                .without(dev.waotp.verify.RateLimit.PHONE).without(dev.waotp.verify.RateLimit.APPLICATION).build())
                .build();
    }

    /** How long each send takes from now on, as Kaleyra's round trip would; zero unless set. */
    public void sendTime(Duration sendTime) {
        this.sendTime = sendTime;
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String lastCodeSentTo(String phone) {
        String code = lastCodes.get(phone);
        if (code == null) {
            throw new AssertionError("no code was sent to " + phone);
        }
        return code;
    }

    /** How many codes were sent to {@code phone} so far. */
    public int sendCount(String phone) {
        return sends.getOrDefault(phone, 0);
    }

    public boolean sentTo(String phone) {
        return lastCodes.containsKey(phone);
    }

    /** A code that differs from the right one in its last character. */
    public static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }
}
