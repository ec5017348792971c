package dev.waotp.spring;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What the verifier needs of the application's Lettuce client, set on the one Spring Boot builds from
 * {@code spring.data.redis.*}: commands rejected while disconnected, which waotp-verify-redis requires (a held check
 * runs after its caller was told it failed, and uses up the code), and a try to reconnect every 200 ms, so the
 * verifier serves again within about that of Redis's return, where Lettuce's default delay doubles up to 30 s. They
 * apply to the application's own Redis calls too. Ordered first, so an application's own customizer can change the
 * delay; an application that builds its own {@code LettuceConnectionFactory} sets both itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({LettuceClientOptionsBuilderCustomizer.class, ClientResourcesBuilderCustomizer.class})
class LettuceClientDefaults {
    static final Duration RECONNECT_DELAY = Duration.ofMillis(200);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    LettuceClientOptionsBuilderCustomizer waotpRejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ClientResourcesBuilderCustomizer waotpReconnectDelay() {
        return resources -> resources.reconnectDelay(Delay.constant(RECONNECT_DELAY));
    }
}
