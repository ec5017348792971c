package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one-time password: a {@code String} or {@code CharSequence} of 1 to 15 characters. Give it once;
 * the generated sender writes it into both the body and the button parameter.
 *
 * <p>Retained at run time so that the Spring Boot starter can hand a sender's {@code (@To, @Otp)} method to
 * the verifier.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Otp {}
