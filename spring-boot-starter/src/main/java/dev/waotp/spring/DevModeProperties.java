package dev.waotp.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.dev.*} properties: local development without a Kaleyra account. Public for Spring's
 * binder and the IDE metadata only.
 *
 * @param enabled Whether to run the embedded Kaleyra stub inside the application and send every message
 *     to it instead of Kaleyra; needs waotp-testing on the class path, and is refused when
 *     waotp.kaleyra.api-key is set. Off unless set to true.
 * @param messagesPath Where a servlet web application lists the messages the stub received, with their
 *     codes, newest last.
 */
@ConfigurationProperties("waotp.dev")
public record DevModeProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/waotp/dev/messages") String messagesPath) {}
