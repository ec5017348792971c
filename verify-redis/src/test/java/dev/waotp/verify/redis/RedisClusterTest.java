package dev.waotp.verify.redis;

import static dev.waotp.verify.tck.VerificationStoreContractTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waotp.verify.CheckResult;
import dev.waotp.verify.spi.CheckRules;
import dev.waotp.verify.spi.VerificationKey;
import java.util.List;
import dev.waotp.verify.CheckResult;
import dev.waotp.verify.RateLimits;
import dev.waotp.verify.spi.StartDecision;
import dev.waotp.verify.StartResult;
import dev.waotp.verify.spi.StartRules;
import dev.waotp.verify.tck.StubPhone;
import dev.waotp.verify.Verifier;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same store and rate limiter code on a three-master Redis Cluster: each phone's key lives on the master of its
 * hash tag.
 */
class RedisClusterTest {
    private static final CheckRules CHECKS = new CheckRules(5, 10, Duration.ofHours(1), Duration.ofHours(24));
    private static final StartRules RULES = new StartRules(Duration.ofMinutes(10), Duration.ofSeconds(30), 5);

    private static RedisTestCluster cluster;
    private static RedisClusterClient client;

    @BeforeAll
    static void startCluster() {
        cluster = RedisTestCluster.start(3);
        client = RedisClusterClient.create(cluster.uris());
        client.setOptions(ClusterClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    @AfterAll
    static void stopCluster() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        cluster.close();
    }

    @Test
    void startAndCheckWorkForPhonesOnEveryMaster() {
        List<String> phones = onePhonePerMaster();
        assertThat(phones.stream().map(phone -> cluster.masterOf(key(phone))).collect(Collectors.toSet()))
                .as("the phones' keys are on three different masters").isEqualTo(Set.of(0, 1, 2));

        try (RedisVerificationStore store = RedisVerificationStore.create(client)) {
            Instant now = Instant.now();
            for (int i = 0; i < phones.size(); i++) {
                String phone = phones.get(i);
                assertThat(store.start(new VerificationKey("default", phone), code(hmac(i)), now, RULES)).isEqualTo(new StartDecision.Started(4));
                assertThat(existsOnItsMaster(phone)).as("key of %s on its master", phone).isTrue();
            }
            for (int i = 0; i < phones.size(); i++) {
                String phone = phones.get(i);
                assertThat(store.check(new VerificationKey("default", phone), List.of(hmac(i + 10)), now, CHECKS)).isEqualTo(new CheckResult.WrongCode(4));
                assertThat(store.check(new VerificationKey("default", phone), List.of(hmac(i)), now, CHECKS))
                        .isEqualTo(new CheckResult.Approved());
                assertThat(existsOnItsMaster(phone)).as("approved, so removed").isFalse();
            }
        }
    }

    @Test
    void verifierWithStoreAndRateLimitsOnTheClusterSendsAndApprovesOnEveryMaster() {
        RateLimits limits = RateLimits.builder().perPhone(1, Duration.ofHours(1)).build();
        try (StubPhone phone = new StubPhone();
                RedisVerificationStore store = RedisVerificationStore.create(client);
                RedisRateLimitStorage limiter = RedisRateLimitStorage.create(client)) {
            Verifier verifier = Verifier.builder().sender(phone.sender()).secret(new byte[32])
                    .store(store).rateLimitStorage(limiter).rateLimits(limits).build();
            for (String number : onePhonePerMaster()) {
                assertThat(verifier.start(number, "caller")).isInstanceOf(StartResult.Sent.class);
                assertThat(verifier.check(number, phone.lastCode())).isEqualTo(new CheckResult.Approved());
                assertThat(verifier.start(number, "caller")).isInstanceOf(StartResult.RateLimited.class);
            }
            assertThat(phone.requests()).isEqualTo(3);
        }
    }

    @Test
    void keysAreHashTaggedByPhoneSoEveryKeyOfAPhoneHasItsSlot() {
        String phone = "+919876543210";
        assertThat(cluster.masterOf(key(phone))).isEqualTo(cluster.masterOf(phone));
    }

    /** The first phone numbers found whose keys land on master 0, 1 and 2. */
    private static List<String> onePhonePerMaster() {
        String[] byMaster = new String[3];
        for (long n = 9_876_543_210L; Arrays.stream(byMaster).anyMatch(p -> p == null); n++) {
            String phone = "+91" + n;
            byMaster[cluster.masterOf(key(phone))] = phone;
        }
        return new ArrayList<>(List.of(byMaster));
    }

    private static boolean existsOnItsMaster(String phone) {
        RedisClient node = RedisClient.create(cluster.uris().get(cluster.masterOf(key(phone))));
        try (var connection = node.connect()) {
            return connection.sync().exists(key(phone)) == 1;
        } finally {
            node.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static String key(String phone) {
        return "waotp:verify:default:{" + phone + "}";
    }

    private static byte[] hmac(int value) {
        byte[] hmac = new byte[32];
        Arrays.fill(hmac, (byte) value);
        return hmac;
    }
}
