package dev.waotp;

/**
 * Kaleyra's SMS route type, the {@code type} field of an SMS send. Which routes an account may use is
 * set up with Kaleyra: every account has {@link #OTP} and {@link #DEFAULT}; {@link #MKT} and
 * {@link #TXN} only when Kaleyra enabled them.
 *
 * @see <a href="https://developers.kaleyra.io/docs/understand-route-types">Kaleyra: SMS route types</a>
 */
public enum SmsType {
    /** For messages that carry a one-time password; the default of {@link SmsMessage}. */
    OTP,
    /** Transactional messages, where the account has the route. */
    TXN,
    /** Marketing messages, where the account has the route. */
    MKT,
    /** The account's default route. */
    DEFAULT
}
