package dev.waotp.verify;

import dev.waotp.InvalidInputException;
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

    String next() {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = symbols.charAt(random.nextInt(symbols.length()));
        }
        return new String(code);
    }
}
