package dev.waotp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods send one approved WhatsApp authentication template.
 *
 * <p>The waotp annotation processor checks the name, the language and every method at compile time
 * and generates {@code <Interface>Impl}, which writes the {@link Otp} argument into both the body and
 * the button parameter of the template, as WhatsApp requires.
 *
 * <pre>{@code
 * @AuthTemplate(name = "auth1", lang = "en_US")
 * public interface LoginCode {
 *     SendResult send(@To String phone, @Otp String code);
 * }
 * }</pre>
 *
 * <p>A template approved in several languages names them all and chooses one per send:
 *
 * <pre>{@code
 * @AuthTemplate(name = "auth1", lang = {"en_US", "hi", "ta"})
 * public interface LoginCode {
 *     SendResult send(@To String phone, @Otp String code, @Lang Locale locale);
 * }
 * }</pre>
 *
 * <p>Retained in class files so that {@link AuthTemplates#create} can check it at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuthTemplate {
    /** The approved template name: lowercase letters, digits and underscores. */
    String name();

    /**
     * The template's language codes as WhatsApp names them, for example {@code en_US}, or
     * {@code {"en_US", "hi", "ta"}} for a template approved in several languages. With more than one,
     * every method takes a {@link Lang @Lang} parameter that chooses the language per send; the first
     * code is the one a {@link java.util.Locale} falls back to.
     */
    String[] lang();

    /** Position of the one-time-password URL button, 0 to 9. */
    int buttonIndex() default 0;

    /** Sent as {@code extra_info.wa_source}. */
    WaSource source() default WaSource.API;
}
