package dev.waotp.sample.di;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.waotp.KaleyraClient;
import dev.waotp.sample.LoginCode;
import dev.waotp.sample.LoginCodeImpl;
import org.junit.jupiter.api.Test;

/** Guice builds the generated senders from their jakarta {@code @Inject} constructors. */
class GuiceInjectionTest extends StubbedKaleyra {
    @Test
    void justInTimeThroughImplementedByOnTheInterface() {
        Injector injector = Guice.createInjector(binder -> binder.bind(KaleyraClient.class).toInstance(client));

        String messageId = injector.getInstance(SignInService.class).sendCode("+447700900123", "731904");

        assertSentOnly(messageId, "signin_code", "en_GB", "+447700900123", "731904");
    }

    @Test
    void throughAnExplicitBinding() {
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(KaleyraClient.class).toInstance(client);
                bind(LoginCode.class).to(LoginCodeImpl.class);
            }
        });

        String messageId = injector.getInstance(LoginService.class).sendCode("+919876543210", "482913");

        assertSentOnly(messageId, "auth1", "en_US", "+919876543210", "482913");
    }
}
