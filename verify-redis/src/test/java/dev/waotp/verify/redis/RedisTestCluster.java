package dev.waotp.verify.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of masters only, each a {@link RedisTestServer}: the slots are split into equal ranges with
 * CLUSTER ADDSLOTS and the nodes introduced with CLUSTER MEET, as {@code redis-cli --cluster create} would do.
 */
final class RedisTestCluster implements AutoCloseable {
    private static final Duration FORMING_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisTestServer> masters = new ArrayList<>();

    private RedisTestCluster(int size) {
        for (int i = 0; i < size; i++) {
            masters.add(RedisTestServer.startClusterNode());
        }
    }

    /** Starts {@code size} masters and waits until every one of them reports the cluster as ok. */
    static RedisTestCluster start(int size) {
        RedisTestCluster cluster = new RedisTestCluster(size);
        try {
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    List<RedisURI> uris() {
        return masters.stream().map(RedisTestServer::uri).toList();
    }

    /** The index of the master that serves {@code key}'s hash slot. */
    int masterOf(String key) {
        int slot = SlotHash.getSlot(key);
        List<Integer> first = firstSlots();
        int master = 0;
        while (master + 1 < first.size() && first.get(master + 1) <= slot) {
            master++;
        }
        return master;
    }

    private List<Integer> firstSlots() {
        int size = masters.size();
        return IntStream.range(0, size).map(i -> i * SlotHash.SLOT_COUNT / size).boxed().toList();
    }

    private void form() {
        RedisClient client = RedisClient.create();
        try {
            List<Integer> first = firstSlots();
            for (int i = 0; i < masters.size(); i++) {
                int end = i + 1 < masters.size() ? first.get(i + 1) : SlotHash.SLOT_COUNT;
                try (StatefulRedisConnection<String, String> node = client.connect(masters.get(i).uri())) {
                    node.sync().clusterAddSlots(IntStream.range(first.get(i), end).toArray());
                    if (i > 0) {
                        node.sync().clusterMeet("127.0.0.1", masters.get(0).port());
                    }
                }
            }
            awaitClusterOk(client);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private void awaitClusterOk(RedisClient client) {
        long deadline = System.nanoTime() + FORMING_TIMEOUT.toNanos();
        for (RedisTestServer master : masters) {
            try (StatefulRedisConnection<String, String> node = client.connect(master.uri())) {
                RedisCommands<String, String> sync = node.sync();
                while (!formed(sync.clusterInfo())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cluster not formed within " + FORMING_TIMEOUT
                                + "; node " + master.port() + " says: " + sync.clusterInfo());
                    }
                    sleep();
                }
            }
        }
    }

    private boolean formed(String clusterInfo) {
        return clusterInfo.contains("cluster_state:ok")
                && clusterInfo.contains("cluster_known_nodes:" + masters.size() + "\r");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cluster formed", e);
        }
    }

    @Override
    public void close() {
        masters.forEach(RedisTestServer::close);
    }
}
