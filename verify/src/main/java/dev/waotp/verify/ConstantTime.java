package dev.waotp.verify;

import java.security.MessageDigest;
import java.util.List;

/** HMAC comparison whose time does not depend on where, or against which candidate, the bytes differ. */
final class ConstantTime {
    private ConstantTime() {}

    /** Compares {@code stored} with every candidate, never stopping at a match. */
    static boolean matchesAny(byte[] stored, List<byte[]> candidates) {
        boolean match = false;
        for (byte[] candidate : candidates) {
            match |= MessageDigest.isEqual(stored, candidate);
        }
        return match;
    }
}
