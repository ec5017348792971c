package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.spi.VerificationStore;
import dev.waotp.verify.tck.VerificationStoreContractTest;
import java.util.List;
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
            memory.start(key("+91980000" + (1000 + i)), code(hmac(i)), t0, RULES);
        }
        assertThat(memory.size()).isEqualTo(1000);

        memory.start(key(phone), code(hmac(1)), t0.plus(LIFETIME).plusSeconds(60), RULES);

        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void rememberedFailuresKeepAnEntryPastItsCodeUntilTheyAreForgotten() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore();
        memory.start(key("+919800001001"), code(hmac(1)), t0, RULES);
        memory.check(key("+919800001001"), List.of(hmac(2)), t0, CHECKS);

        memory.start(key(phone), code(hmac(1)), t0.plus(LIFETIME).plusSeconds(60), RULES);
        assertThat(memory.size()).isEqualTo(2);

        memory.start(key(phone), code(hmac(1)), t0.plus(FAILURE_MEMORY).plusSeconds(120), RULES);
        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void fullStoreRefusesNewPhonesButServesPendingOnes() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore(2);
        memory.start(key("+919800001001"), code(hmac(1)), t0, RULES);
        memory.start(key("+919800001002"), code(hmac(2)), t0, RULES);

        assertThatThrownBy(() -> memory.start(key("+919800001003"), code(hmac(3)), t0, RULES))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessageContaining("maxEntries");
        assertThat(memory.check(key("+919800001002"), List.of(hmac(2)), t0, CHECKS))
                .isEqualTo(new CheckResult.Approved());
        assertThat(memory.start(key("+919800001003"), code(hmac(3)), t0, RULES)).isInstanceOf(StartDecision.Started.class);
    }

    @Test
    void fullStoreMakesRoomBySweepingExpiredEntries() {
        InMemoryVerificationStore memory = new InMemoryVerificationStore(1);
        memory.start(key("+919800001001"), code(hmac(1)), t0, RULES);

        assertThat(memory.start(key("+919800001002"), code(hmac(2)), t0.plus(LIFETIME), RULES))
                .isInstanceOf(StartDecision.Started.class);
        assertThat(memory.size()).isEqualTo(1);
    }
}
