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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface To {}
