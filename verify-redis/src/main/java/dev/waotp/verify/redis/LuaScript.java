package dev.waotp.verify.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of this package, run in one round trip by its SHA-1 ({@code EVALSHA}). Only when a server answers
 * {@code NOSCRIPT} (the first call after it started, or after {@code SCRIPT FLUSH}; on a cluster, once per node) is
 * the script sent whole with {@code EVAL}, which also loads it for the next calls.
 */
final class LuaScript {
    private final byte[] source;
    private final String sha1;

    private LuaScript(byte[] source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    /** Loads {@code name} from this package's resources. */
    static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " missing from the waotp-verify-redis jar");
            }
            return new LuaScript(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Lua script " + name, e);
        }
    }

    /**
     * Runs the script on the node that holds {@code key}, with {@code args} as ARGV. Cancelling the answer cancels
     * the command still in flight, so Lettuce never writes it (see {@link ScriptCall}).
     */
    <T> ScriptCall<T> run(RedisClusterAsyncCommands<byte[], byte[]> redis, ScriptOutputType type,
            byte[] key, byte[]... args) {
        byte[][] keys = {key};
        ScriptCall<T> call = new ScriptCall<>();
        call.send(() -> redis.<T>evalsha(sha1, type, keys, args), (answer, error) -> {
            if (error instanceof RedisNoScriptException) {
                call.send(() -> redis.<T>eval(source, type, keys, args), call::settle);
            } else {
                call.settle(answer, error);
            }
        });
        return call;
    }

    private static String sha1Hex(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
