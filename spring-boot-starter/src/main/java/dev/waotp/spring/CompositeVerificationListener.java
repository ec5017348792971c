package dev.waotp.spring;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.Delivery;
import dev.waotp.verify.FallbackResult;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.VerificationListener;
import java.util.List;
import java.util.Optional;

/** Tells every {@link VerificationListener} bean, since the verifier takes one; one that throws does not stop the rest. */
final class CompositeVerificationListener implements VerificationListener {
    private final List<VerificationListener> listeners;

    private CompositeVerificationListener(List<VerificationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** None for no listener, else the one given or one that tells them all. */
    static Optional<VerificationListener> of(List<VerificationListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(listeners.get(0));
            default -> Optional.of(new CompositeVerificationListener(listeners));
        };
    }

    @Override
    public void started(StartResult result) {
        Listeners.tellEach(listeners, listener -> listener.started(result));
    }

    @Override
    public void startFailed(RuntimeException error) {
        Listeners.tellEach(listeners, listener -> listener.startFailed(error));
    }

    @Override
    public void checked(CheckResult result) {
        Listeners.tellEach(listeners, listener -> listener.checked(result));
    }

    @Override
    public void checkFailed(RuntimeException error) {
        Listeners.tellEach(listeners, listener -> listener.checkFailed(error));
    }

    @Override
    public void fellBack(FallbackResult result) {
        Listeners.tellEach(listeners, listener -> listener.fellBack(result));
    }

    @Override
    public void deliveryRecorded(Delivery delivery) {
        Listeners.tellEach(listeners, listener -> listener.deliveryRecorded(delivery));
    }
}
