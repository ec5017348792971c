package dev.waotp.spring;

import dev.waotp.verify.Verifier;

/**
 * Changes the auto-configured verifier's builder after the {@code waotp.verify.*} properties, the store,
 * the rate-limit storage and the listeners are set, for what properties do not reach (a clock, a listener of
 * one's own). Every bean of this type is applied, in {@link org.springframework.core.annotation.Order}.
 */
@FunctionalInterface
public interface VerifierBuilderCustomizer {
    /**
     * Customizes the builder; the verifier is built from it afterwards.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(Verifier.Builder builder);
}
