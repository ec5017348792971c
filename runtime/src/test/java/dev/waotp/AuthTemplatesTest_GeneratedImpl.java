package dev.waotp;

/** Stands in for what the processor would generate, to test the lookup on its own. */
final class AuthTemplatesTest_GeneratedImpl implements AuthTemplatesTest.Generated {
    final KaleyraClient client;

    public AuthTemplatesTest_GeneratedImpl(KaleyraClient client) {
        this.client = client;
    }

    @Override
    public SendResult send(String to, String otp) {
        return client.send(AuthMessage.builder(TemplateSpec.of("auth1", "en_US")).to(to).otp(otp).build());
    }
}
