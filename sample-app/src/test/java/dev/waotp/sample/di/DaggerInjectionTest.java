package dev.waotp.sample.di;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dev.waotp.KaleyraClient;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

/** Dagger's processor and waotp's run side by side: the component binds a class generated in the same javac run. */
class DaggerInjectionTest extends StubbedKaleyra {
    @Component(modules = Bindings.class)
    interface Senders {
        SignInService signInService();

        @Component.Factory
        interface Factory {
            Senders create(@BindsInstance KaleyraClient client);
        }
    }

    @Module
    interface Bindings {
        @Binds
        SignInCode signInCode(SignInCodeImpl generated);
    }

    @Test
    void theComponentInjectsTheGeneratedSender() {
        SignInService service = DaggerDaggerInjectionTest_Senders.factory().create(client).signInService();

        String messageId = service.sendCode("+447700900123", "731904");

        assertSentOnly(messageId, "signin_code", "en_GB", "+447700900123", "731904");
    }

    @Test
    void daggerTakesTheGeneratedClassWithNamedOnIt() {
        // Test sources are compiled with -Awaotp.named=true, and the component above still compiles:
        // Dagger binds the @Inject constructor's class unqualified, whatever @Named is on the class.
        assertThat(SignInCodeImpl.class).hasAnnotation(Named.class);
    }
}
