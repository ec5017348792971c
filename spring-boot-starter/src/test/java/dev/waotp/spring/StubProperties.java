package dev.waotp.spring;

import dev.waotp.testing.KaleyraStub;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an application's {@code waotp.kaleyra.*} at a stub a test started itself (with its own callbacks). */
public final class StubProperties {
    private StubProperties() {}

    public static void register(DynamicPropertyRegistry registry, KaleyraStub stub) {
        registry.add("waotp.kaleyra.sid", stub::sid);
        registry.add("waotp.kaleyra.api-key", stub::apiKey);
        registry.add("waotp.kaleyra.business-number", stub::businessNumber);
        registry.add("waotp.kaleyra.base-url", stub::baseUrl);
    }
}
