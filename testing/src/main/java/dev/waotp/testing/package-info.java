/**
 * An embedded, Kaleyra-compatible HTTP stub for tests: {@link dev.waotp.testing.KaleyraStub} answers
 * as the Kaleyra page documents, records what it received and injects faults on request.
 *
 * <p>Nothing here returns or accepts {@code null} unless it is marked {@code @Nullable}.
 */
@NullMarked
package dev.waotp.testing;

import org.jspecify.annotations.NullMarked;
