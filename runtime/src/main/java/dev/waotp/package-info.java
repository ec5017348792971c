/**
 * waotp's runtime: the annotations that describe an approved WhatsApp authentication template
 * ({@link dev.waotp.AuthTemplate}, {@link dev.waotp.To}, {@link dev.waotp.Otp}, {@link dev.waotp.Ref}),
 * the {@link dev.waotp.KaleyraClient} that generated senders send through, and the
 * {@link dev.waotp.KaleyraException} types every failure is reported as.
 *
 * <p>Nothing here returns or accepts {@code null} unless it is marked {@code @Nullable}.
 */
@NullMarked
package dev.waotp;

import org.jspecify.annotations.NullMarked;
