package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.verify.StartResult.RateLimited;
import dev.waotp.verify.spi.RateLimitStorage;
import dev.waotp.verify.tck.RateLimitStorageContractTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract suite on the in-memory storage, plus its bounds under a flood of keys. */
class InMemoryRateLimitStorageTest extends RateLimitStorageContractTest {
    private static final String VICTIM = "+919876543210";

    @Override
    protected RateLimitStorage newStorage() {
        return new InMemoryRateLimitStorage();
    }

    @Override
    protected long phoneBuckets() {
        return ((InMemoryRateLimitStorage) storage).size(RateLimit.PHONE);
    }

    /**
     * The review's attack: empty the victim's phone bucket, then flood refused starts for a number of
     * one's own from fresh caller keys. Before the fix, phone and caller buckets shared one bounded
     * cache, so the flood pushed the victim's bucket out and its limit started over (measured: after
     * 20,000 refused starts against a 1,000-bucket bound, the victim's limit allowed a start again).
     */
    @Test
    void noFloodOfOtherKeysFreesAPhonesLimit() {
        storage = new InMemoryRateLimitStorage(1_000, 1_000);
        RateLimits limits = RateLimits.defaults();
        for (int i = 0; i < 5; i++) {
            start(VICTIM, "attacker-" + i, limits);
        }
        String own = "+919800000777";
        for (int i = 0; i < 5; i++) {
            start(own, "own-" + i, limits);
        }

        for (int i = 0; i < 20_000; i++) {
            assertThat(start(own, "fresh-" + i, limits)).map(RateLimited::limit).hasValue(RateLimit.PHONE);
        }

        assertThat(start(VICTIM, "victim", limits)).map(RateLimited::limit).hasValue(RateLimit.PHONE);
        assertThat(phoneBuckets()).isEqualTo(2);
    }

    @Test
    void aFullPhoneStorageRefusesNewNumbersRatherThanDropOne() {
        storage = new InMemoryRateLimitStorage(3, 100);
        RateLimits limits = RateLimits.defaults();
        for (int i = 0; i < 3; i++) {
            start("+91980000100" + i, "caller-" + i, limits);
        }

        assertThatThrownBy(() -> start("+919800001009", "caller-9", limits))
                .isInstanceOf(VerificationStoreException.class)
                .hasMessageContaining("3 phone buckets");
        assertThat(start("+919800001000", "caller-0", limits)).isEmpty();
    }

    @Test
    void refilledPhoneBucketsLeaveAndMakeRoom() {
        storage = new InMemoryRateLimitStorage(1, 100);
        RateLimits limits = RateLimits.defaults();
        start("+919800001000", "caller-0", limits);

        clock.advance(Duration.ofMinutes(13));

        assertThat(start("+919800001001", "caller-1", limits)).isEmpty();
    }

    @Test
    void boundsBelowOneAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new InMemoryRateLimitStorage(0, 1)).hasMessage("maxPhones: must be at least 1, was 0");
        assertThatThrownBy(() -> new InMemoryRateLimitStorage(1, 0)).hasMessage("maxCallers: must be at least 1, was 0");
    }
}
