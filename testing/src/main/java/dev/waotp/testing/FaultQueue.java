package dev.waotp.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults waiting for the next requests, in the order they were asked for. A fault for many requests
 * is one entry with a count, so {@code failNext(1_000_000, ...)} costs no memory.
 */
final class FaultQueue {
    private static final class Entry {
        final Fault fault;
        int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void add(Fault fault, int requests) {
        entries.addLast(new Entry(fault, requests));
    }

    /** The fault for the request that just arrived, or {@code null} to handle it normally. */
    synchronized Fault next() {
        Entry head = entries.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            entries.removeFirst();
        }
        return head.fault;
    }

    synchronized void clear() {
        entries.clear();
    }
}
