package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language to send the template in, one of the codes {@link AuthTemplate#lang()} declares. A
 * {@code String} must be one of those codes exactly. A {@link java.util.Locale} is matched: its language
 * and country ({@code hi_IN}) if declared, else its language alone ({@code hi}), else the first declared
 * code. Either way a {@code null} is refused before any request is sent.
 *
 * <p>Required on every method of a template that declares several languages; allowed on a template
 * with one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Lang {}
