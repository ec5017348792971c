package dev.waotp.spring.callerkey;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The set-up the README advises on Tomcat: {@code server.forward-headers-strategy=native}, whose
 * RemoteIpValve reads {@code X-Forwarded-For} from the right past the internal proxies
 * ({@code server.tomcat.remoteip.internal-proxies}, loopback and private networks by default).
 */
@SpringBootTest(classes = PhoneFormApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "waotp.web.enabled=true",
            "spring.autoconfigure.exclude=dev.waotp.spring.KaleyraAutoConfiguration,dev.waotp.spring.VerifierAutoConfiguration"})
class NativeForwardedHeadersTest extends ClientChosenCallerKeyScenario {}
