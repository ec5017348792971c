package dev.waotp.verify.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which Lettuce command a cancelled {@link ScriptCall} cancels, with commands that are never written anywhere; also
 * the EVAL that {@link LuaScript} sends after NOSCRIPT, which the network-cut test cannot reach (NOSCRIPT needs a live
 * connection).
 */
class ScriptCallTest {
    private final ScriptCall<String> call = new ScriptCall<>();

    @Test
    void cancelCancelsTheCommandInFlight() {
        AsyncCommand<String, String, String> evalsha = command(CommandType.EVALSHA);
        call.send(() -> evalsha, call::settle);

        call.cancel(true);

        assertThat(evalsha.isCancelled()).isTrue();
        assertThat(evalsha.isDone()).as("what Lettuce's buffer flush skips").isTrue();
    }

    @Test
    void cancelAfterNoscriptCancelsTheEvalThatLuaScriptSent() {
        AsyncCommand<String, String, String> evalsha = command(CommandType.EVALSHA);
        AsyncCommand<String, String, String> eval = command(CommandType.EVAL);
        ScriptCall<String> run = LuaScript.load("check.lua").run(answering(evalsha, eval), ScriptOutputType.MULTI,
                new byte[] {1});
        evalsha.completeExceptionally(new RedisNoScriptException("NOSCRIPT No matching script"));

        run.cancel(true);

        assertThat(eval.isCancelled()).isTrue();
    }

    @Test
    void nothingIsSentOnceTheCallWasCancelled() {
        AtomicInteger sent = new AtomicInteger();
        call.cancel(true);

        call.send(() -> {
            sent.incrementAndGet();
            return command(CommandType.EVAL);
        }, call::settle);

        assertThat(sent).hasValue(0);
    }

    @Test
    void theCommandsAnswerOrFailureCompletesTheCall() {
        AsyncCommand<String, String, String> evalsha = command(CommandType.EVALSHA);
        call.send(() -> evalsha, call::settle);

        evalsha.complete("answer");

        assertThat(call).isCompletedWithValue("answer");
        ScriptCall<String> failing = new ScriptCall<>();
        AsyncCommand<String, String, String> refused = command(CommandType.EVALSHA);
        failing.send(() -> refused, failing::settle);
        refused.completeExceptionally(new IllegalStateException("ERR refused"));
        assertThat(failing).isCompletedExceptionally();
    }

    @Test
    void anExceptionWhileSendingFailsTheCall() {
        call.send(() -> {
            throw new IllegalStateException("connection closed");
        }, call::settle);

        assertThat(call).isCompletedExceptionally();
    }

    /** Commands whose evalsha and eval return the given commands, and do nothing else. */
    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<byte[], byte[]> answering(RedisFuture<?> evalsha, RedisFuture<?> eval) {
        return (RedisClusterAsyncCommands<byte[], byte[]>) Proxy.newProxyInstance(ScriptCallTest.class.getClassLoader(),
                new Class<?>[] {RedisClusterAsyncCommands.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "evalsha" -> evalsha;
                    case "eval" -> eval;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AsyncCommand<String, String, String> command(CommandType type) {
        return new AsyncCommand<>(new Command<>(type, new ValueOutput<>(StringCodec.UTF8)));
    }
}
