/**
 * Spring Boot auto-configuration for waotp: a {@link dev.waotp.KaleyraClient} from {@code waotp.kaleyra.*}
 * properties, every {@link dev.waotp.AuthTemplate} interface of the application as a bean of its generated
 * sender, a {@code Verifier} from {@code waotp.verify.*} when {@code waotp-verify} is present, and
 * Micrometer metrics when Micrometer is.
 */
@NullMarked
package dev.waotp.spring;

import org.jspecify.annotations.NullMarked;
