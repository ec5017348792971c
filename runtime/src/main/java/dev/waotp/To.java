package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The recipient in E.164 form ({@code +} and 8 to 15 digits). A {@code String}, or a
 * {@code List<String>}, {@code Collection<String>} or {@code String...} for several recipients,
 * which are sent comma-separated.
 *
 * <p>Retained at run time so that the Spring Boot starter can hand a sender's {@code (@To, @Otp)} method to
 * the verifier.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface To {}
