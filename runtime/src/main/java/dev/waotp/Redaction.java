package dev.waotp;

import java.util.List;
import java.util.stream.Collectors;

/** How secrets and personal data look in logs and {@code toString()}. */
final class Redaction {
    static final String SECRET = "****";

    private Redaction() {}

    /** Keeps the last four digits, which is enough to tell recipients apart in a log. */
    static String phoneNumber(String number) {
        if (number.length() <= 4) {
            return SECRET;
        }
        return "+" + "*".repeat(number.length() - 5) + number.substring(number.length() - 4);
    }

    static String phoneNumbers(List<String> numbers) {
        return numbers.stream().map(Redaction::phoneNumber).collect(Collectors.joining(",", "[", "]"));
    }
}
