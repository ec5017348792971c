package dev.waotp.verify;

import dev.waotp.InvalidInputException;
import java.util.Locale;
import java.util.Random;

/**
 * Makes codes of a fixed length over an alphabet. Each character is {@code random.nextInt(n)}, which
 * is uniform over {@code [0, n)} (it rejects the draws a modulo would bias), so every code is equally
 * likely; in production {@code random} is a {@link java.security.SecureRandom}.
 */
final class CodeGenerator {
    static final int MIN_LENGTH = 4;
    /** Well under the 15 characters the Kaleyra page allows for an OTP. */
    static final int MAX_LENGTH = 10;
    /**
     * OWASP ASVS 5.0 asks for at least 20 bits of entropy in a one-time code sent out of band. Six
     * digits (a million codes, 19.93 bits) is the common reading of that rule and the smallest code
     * allowed here; the bound is the number of codes, so that an alphabet is judged the same way.
     */
    static final long MIN_CODES = 1_000_000;

    private final Random random;
    private final String symbols;
    private final int length;

    CodeGenerator(Random random, CodeAlphabet alphabet, int length) {
        this.random = random;
        this.symbols = alphabet.symbols();
        this.length = checkLength(length);
    }

    static int checkLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException("codeLength",
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, was " + length);
        }
        return length;
    }

    /** Refuses a length and alphabet that give fewer than {@link #MIN_CODES} codes. */
    static void checkStrength(int length, CodeAlphabet alphabet) {
        double codes = Math.pow(alphabet.symbols().length(), length);
        if (codes < MIN_CODES) {
            throw new InvalidInputException("codeLength", String.format(Locale.ROOT,
                    "%d %s characters give %.0f codes (%.1f bits); OWASP ASVS 5.0 asks for at least 20 bits:"
                            + " use 6 or more DIGITS, or 4 or more ALPHANUMERIC",
                    length, alphabet, codes, Math.log(codes) / Math.log(2)));
        }
    }

    int length() {
        return length;
    }

    String next() {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = symbols.charAt(random.nextInt(symbols.length()));
        }
        return new String(code);
    }
}
