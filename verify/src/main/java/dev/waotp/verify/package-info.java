/**
 * Verification codes for a login: {@link dev.waotp.verify.Verifier} makes a code, sends it through a
 * {@link dev.waotp.verify.CodeSender} (a generated waotp sender), keeps only its HMAC in a
 * {@link dev.waotp.verify.VerificationStore} and checks the user's answer once, within a lifetime and
 * an attempt limit, behind per-phone, per-caller and per-application rate limits.
 */
@NullMarked
package dev.waotp.verify;

import org.jspecify.annotations.NullMarked;
