package dev.waotp.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Registers every {@link dev.waotp.AuthTemplate} interface in the named packages (and their
 * sub-packages) as a bean of its generated sender. Not needed for the packages of the
 * {@code @SpringBootApplication} class, which the auto-configuration scans already; use it for
 * templates that live elsewhere, for example in a shared library.
 *
 * <pre>{@code
 * @SpringBootApplication
 * @EnableAuthTemplates(basePackageClasses = com.acme.otp.LoginCode.class)
 * class Application {}
 * }</pre>
 *
 * <p>With neither attribute set, the package of the annotated class is scanned.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(AuthTemplatesRegistrar.class)
public @interface EnableAuthTemplates {
    /** Packages to scan, sub-packages included. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned, sub-packages included; safer to refactor than names. */
    Class<?>[] basePackageClasses() default {};
}
