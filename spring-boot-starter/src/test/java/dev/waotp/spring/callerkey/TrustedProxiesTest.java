package dev.waotp.spring.callerkey;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Where the container does not read forwarded headers ({@code server.forward-headers-strategy=none}),
 * {@code waotp.web.trusted-proxies} names the proxy, and waotp reads {@code X-Forwarded-For} from the
 * right past it.
 */
@SpringBootTest(classes = PhoneFormApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=none", "waotp.web.trusted-proxies=127.0.0.1,::1",
            "waotp.web.enabled=true",
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration"})
class TrustedProxiesTest extends ClientChosenCallerKeyScenario {}
