package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one-time password: a {@code String} or {@code CharSequence} of 1 to 15 characters. Give it once;
 * the generated sender writes it into both the body and the button parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Otp {}
