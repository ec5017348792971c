package dev.waotp.verify;

/**
 * The rate limits checked before each start, and before each check given a caller key; a refusal names
 * the one that refused.
 */
public enum RateLimit {
    /** Starts per phone number: stops one number being flooded (or pumped) with codes. */
    PHONE,
    /** Starts per caller key (for example the client's IP address): stops one client trying many numbers. */
    CALLER,
    /**
     * Checks per caller key: stops one client guessing codes across many numbers, which the phone's own
     * limits do not see and only the application's cap on starts would otherwise bound.
     */
    CALLER_CHECKS,
    /** Starts for the whole application: a spending cap against SMS pumping and toll fraud at scale. */
    APPLICATION,
    /** Fallback SMS for the whole application: the {@link SmsFallback}'s own cap, against SMS pumping. */
    SMS
}
