package dev.waotp.verify;

/** The rate limits checked before each start; a refusal names the one that refused. */
public enum RateLimit {
    /** Starts per phone number: stops one number being flooded (or pumped) with codes. */
    PHONE,
    /** Starts per caller key (for example the client's IP address): stops one client trying many numbers. */
    CALLER,
    /** Starts for the whole application: a spending cap against SMS pumping and toll fraud at scale. */
    APPLICATION,
    /** Fallback SMS for the whole application: the {@link SmsFallback}'s own cap, against SMS pumping. */
    SMS
}
