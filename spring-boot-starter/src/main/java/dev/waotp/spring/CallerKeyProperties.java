package dev.waotp.spring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code waotp.web.trusted-proxies} property: where the caller key of the per-caller limit comes
 * from behind a reverse proxy ({@link CallerKeyResolver}). Public for Spring's binder and the IDE
 * metadata only.
 *
 * @param trustedProxies Addresses or CIDR ranges (such as 10.0.0.0/8 or fd00::/8) of the reverse proxies
 *     in front of the application. For a request from one of them, the caller key of the per-caller limit
 *     is read from X-Forwarded-For, from the right, past every trusted proxy. Empty by default: the client
 *     address is the one the servlet container reports, which on Tomcat with
 *     server.forward-headers-strategy=native is already the client's.
 */
@ConfigurationProperties("waotp.web")
public record CallerKeyProperties(@DefaultValue List<String> trustedProxies) {}
