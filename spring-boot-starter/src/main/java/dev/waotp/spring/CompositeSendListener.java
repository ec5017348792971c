package dev.waotp.spring;

import dev.waotp.KaleyraException;
import dev.waotp.SendListener;
import dev.waotp.SendResult;
import dev.waotp.SmsType;
import dev.waotp.TemplateSpec;
import java.time.Duration;
import java.util.List;

/** Tells every {@link SendListener} bean, since the client takes one; one that throws does not stop the rest. */
final class CompositeSendListener implements SendListener {
    private final List<SendListener> listeners;

    private CompositeSendListener(List<SendListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** No listener, the one given, or one that tells them all. */
    static SendListener of(List<SendListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> SendListener.NONE;
            case 1 -> listeners.get(0);
            default -> new CompositeSendListener(listeners);
        };
    }

    @Override
    public void sent(TemplateSpec template, SendResult result, Duration elapsed) {
        Listeners.tellEach(listeners, listener -> listener.sent(template, result, elapsed));
    }

    @Override
    public void failed(TemplateSpec template, KaleyraException error, Duration elapsed) {
        Listeners.tellEach(listeners, listener -> listener.failed(template, error, elapsed));
    }

    @Override
    public void smsSent(SmsType type, SendResult result, Duration elapsed) {
        Listeners.tellEach(listeners, listener -> listener.smsSent(type, result, elapsed));
    }

    @Override
    public void smsFailed(SmsType type, KaleyraException error, Duration elapsed) {
        Listeners.tellEach(listeners, listener -> listener.smsFailed(type, error, elapsed));
    }
}
