package dev.waotp.verify;

import java.util.Locale;

/** The characters a verification code is made of; each is drawn with equal chance. */
public enum CodeAlphabet {
    /** {@code 0-9}: 10 symbols, the default; a 6-digit code has a million values. */
    DIGITS("0123456789"),
    /**
     * {@code 0-9} and {@code A-Z}: 36 symbols, so a 6-character code has about 2.2 billion values.
     * Checks ignore case: a user who types {@code ab12cd} matches {@code AB12CD}.
     */
    ALPHANUMERIC("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private final String symbols;

    CodeAlphabet(String symbols) {
        this.symbols = symbols;
    }

    /** The symbols, in order. */
    String symbols() {
        return symbols;
    }

    /** The typed code as it would have been generated (upper case for letters). */
    String normalize(String typed) {
        return this == ALPHANUMERIC ? typed.toUpperCase(Locale.ROOT) : typed;
    }
}
