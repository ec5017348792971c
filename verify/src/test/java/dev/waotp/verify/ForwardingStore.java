package dev.waotp.verify;

import dev.waotp.DeliveryState;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.DeliveryUpdate;
import dev.waotp.verify.spi.NewCode;
import dev.waotp.verify.spi.PendingCode;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.spi.VerificationKey;
import dev.waotp.verify.spi.VerificationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An in-memory store that tests make misbehave by overriding one method or setting {@link #before}. */
class ForwardingStore implements VerificationStore {
    final InMemoryVerificationStore memory = new InMemoryVerificationStore();
    /** Runs before every call but {@link #discard}, to throw or hang. */
    volatile Runnable before = () -> {};

    @Override
    public StartDecision start(VerificationKey key, NewCode code, Instant now, StartRules rules) {
        before.run();
        return memory.start(key, code, now, rules);
    }

    @Override
    public StartDecision replace(VerificationKey key, String failedTag, NewCode code, Instant now) {
        before.run();
        return memory.replace(key, failedTag, code, now);
    }

    @Override
    public CheckResult check(VerificationKey key, List<byte[]> candidates, Instant now, CheckRules rules) {
        before.run();
        return memory.check(key, candidates, now, rules);
    }

    @Override
    public DeliveryUpdate recordDelivery(VerificationKey key, String tag, DeliveryState state, Instant now) {
        before.run();
        return memory.recordDelivery(key, tag, state, now);
    }

    @Override
    public Optional<PendingCode> pending(VerificationKey key, Instant now) {
        before.run();
        return memory.pending(key, now);
    }

    @Override
    public void discard(VerificationKey key, byte[] codeHmac) {
        memory.discard(key, codeHmac);
    }
}
