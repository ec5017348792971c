package dev.waotp.spring;

import dev.waotp.KaleyraClient;
import dev.waotp.SendListener;
import dev.waotp.testing.KaleyraStub;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The embedded stub of dev mode and of {@code @AutoConfigureKaleyraStub}: it approves every
 * {@code @AuthTemplate} sender bean's template, and the client bean is pointed at it.
 */
final class EmbeddedStubs {
    private EmbeddedStubs() {}

    /** A started stub that approves every template and language of the sender beans (none is created). */
    static KaleyraStub start(ListableBeanFactory beans) {
        return start(beans, KaleyraStub.builder());
    }

    /** As {@link #start(ListableBeanFactory)}, with settings of the caller's (callbacks) already made. */
    static KaleyraStub start(ListableBeanFactory beans, KaleyraStub.Builder builder) {
        for (TemplateKey template : RegisteredTemplates.in(beans)) {
            builder.approve(template.name(), template.lang());
        }
        return builder.start();
    }

    static KaleyraClient client(KaleyraStub stub, ObjectProvider<SendListener> listeners) {
        List<SendListener> all = listeners.orderedStream().toList();
        return stub.clientBuilder().listener(CompositeSendListener.of(all)).build();
    }
}
