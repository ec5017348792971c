package dev.waotp.sample;

import java.security.SecureRandom;

/** Login codes that cannot be guessed from earlier ones. */
final class OtpCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OtpCodes() {}

    /** {@code digits} random decimal digits, leading zeros kept. */
    static String next(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }
}
