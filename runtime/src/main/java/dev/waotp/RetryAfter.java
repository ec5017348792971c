package dev.waotp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads an HTTP {@code Retry-After} header: a number of seconds or an HTTP date. */
final class RetryAfter {
    static final String HEADER = "Retry-After";
    private static final Duration FOREVER = Duration.ofSeconds(999_999_999);

    private RetryAfter() {}

    /** The wait the header asks for from {@code now}; {@code null} when absent or unreadable. */
    static @Nullable Duration parse(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Longer than any deadline: read as "not in time", never as "retry now".
            return text.length() > 9 ? FOREVER : Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** OkHttp re-sends a 503 on its own when it says {@code Retry-After: 0}; only then must it be hidden. */
    static boolean isImmediate(@Nullable String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> c == '0');
    }
}
