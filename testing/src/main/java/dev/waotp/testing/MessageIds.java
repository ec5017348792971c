package dev.waotp.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids shaped like Kaleyra's: {@code 'A'} and 19 upper-case letters or digits. A random part
 * keeps ids from looking alike across runs; a counter shared by every stub in the JVM makes them
 * unique without remembering the ones handed out.
 */
final class MessageIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final int RANDOM_LENGTH = 7;
    /** 36^12 is more than half of Long.MAX_VALUE: no stub lives long enough to wrap it. */
    private static final int COUNTER_LENGTH = 12;
    private static final AtomicLong COUNTER = new AtomicLong();

    private MessageIds() {}

    static String next() {
        char[] id = new char[1 + RANDOM_LENGTH + COUNTER_LENGTH];
        id[0] = 'A';
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 1; i <= RANDOM_LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        long count = COUNTER.incrementAndGet();
        for (int i = id.length - 1; i > RANDOM_LENGTH; i--) {
            id[i] = ALPHABET[(int) (count % ALPHABET.length)];
            count /= ALPHABET.length;
        }
        return new String(id);
    }
}
