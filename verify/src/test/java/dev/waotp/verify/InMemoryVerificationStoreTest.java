package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract suite on the in-memory store, plus its bounds. */
class InMemoryVerificationStoreTest extends VerificationStoreContractTest {

    @Override
    protected VerificationStore newStore() {
        return new InMemoryVerificationStore();
    }

    @Test
    void expiredEntriesAreSweptOut() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore();
        for (int i = 0; i < 1000; i++) {
            memory.start("+91980000" + (1000 + i), hmac(i), t0, RULES);
        }
        assertThat(memory.size()).isEqualTo(1000);

        memory.start(phone, hmac(1), t0.plus(LIFETIME).plusSeconds(60), RULES);

        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void fullStoreRefusesNewPhonesButServesPendingOnes() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore(2);
        memory.start("+919800001001", hmac(1), t0, RULES);
        memory.start("+919800001002", hmac(2), t0, RULES);

        assertThatThrownBy(() -> memory.start("+919800001003", hmac(3), t0, RULES))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessageContaining("maxEntries");
        assertThat(memory.check("+919800001002", hmac(2), t0, MAX_ATTEMPTS))
                .isEqualTo(CheckDecision.of(CheckDecision.Outcome.APPROVED));
        assertThat(memory.start("+919800001003", hmac(3), t0, RULES).started()).isTrue();
    }

    @Test
    void fullStoreMakesRoomBySweepingExpiredEntries() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore(1);
        memory.start("+919800001001", hmac(1), t0, RULES);

        assertThat(memory.start("+919800001002", hmac(2), t0.plus(LIFETIME), RULES).started()).isTrue();
        assertThat(memory.size()).isEqualTo(1);
    }
}
