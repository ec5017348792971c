package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Context sent as {@code extra_info.ref2}, shown in Kaleyra's reports and callbacks: a {@code String} of
 * at most 255 characters. A {@code null} argument leaves the field out.
 *
 * <p>Retained at run time so that the Spring Boot starter can hand a sender's {@code (@To, @Otp, @Ref2)}
 * method to the verifier as its tracked sender: the verifier's tag comes back in the callbacks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Ref2 {}
