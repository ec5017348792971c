package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Context sent as {@code extra_info.ref2}, shown in Kaleyra's reports and callbacks: a {@code String} of
 * at most 255 characters. A {@code null} argument leaves the field out.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Ref2 {}
