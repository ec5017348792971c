package dev.waotp.sample;

import dagger.BindsInstance;
import dagger.Component;
import dev.waotp.KaleyraClient;

/** Builds the app's senders around one {@link KaleyraClient}. */
@Component(modules = SenderModule.class)
interface SenderComponent {
    LoginCode loginCode();

    @Component.Factory
    interface Factory {
        SenderComponent create(@BindsInstance KaleyraClient client);
    }
}
