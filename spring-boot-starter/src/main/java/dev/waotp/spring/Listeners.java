package dev.waotp.spring;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls each of several listeners, so that one that throws neither stops the others nor the send. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {}

    static <T> void tellEach(List<T> listeners, Consumer<T> call) {
        for (T listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} threw; ignored, the others were still told", listener.getClass().getName(), e);
            }
        }
    }
}
