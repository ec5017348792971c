package dev.waotp.testing;

import dev.waotp.DeliveryState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the callbacks of each accepted send on one thread of its own, after the 202 has gone, one
 * after the other so that their order is the one {@link StubCallbacks} asks for. Every answer but a 2xx
 * is logged (the status and the path, never the credentials or the body): an application that refuses its
 * callbacks, or sends them to a login page, would otherwise lose them without a word.
 */
final class CallbackPoster implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Logger LOG = LoggerFactory.getLogger(CallbackPoster.class);

    private final StubCallbacks settings;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false)
            // A redirect (to a login page, say) is an answer to report, not one to follow to a 200.
            .followRedirects(false).build();
    private final ScheduledExecutorService thread;
    private final List<PostedCallback> posted = Collections.synchronizedList(new ArrayList<>());
    private int pending;

    CallbackPoster(StubCallbacks settings) {
        this.settings = settings;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "kaleyra-stub-callbacks");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Schedules the callbacks of one accepted message, for each of its recipients. */
    void accepted(ReceivedMessage message) {
        List<Runnable> posts = new ArrayList<>();
        for (String recipient : message.recipients()) {
            DeliveryOutcome outcome = settings.outcome(recipient);
            List<DeliveryState> states = new ArrayList<>(outcome.states());
            if (settings.outOfOrder) {
                Collections.reverse(states);
            }
            Instant at = Instant.now();
            for (DeliveryState state : states) {
                // Each status keeps the time it would have had in order, however it is posted.
                Instant when = at.plusSeconds(outcome.states().indexOf(state));
                String body = CallbackPayloads.body(message, recipient, state, outcome, when);
                Runnable post = () -> post(message.messageId(), recipient, state, body);
                posts.add(post);
                if (settings.duplicates) {
                    posts.add(post);
                }
            }
        }
        synchronized (this) {
            pending += posts.size();
        }
        long delay = settings.delay.toMillis();
        for (Runnable post : posts) {
            thread.schedule(post, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void post(String sendMessageId, String recipient, DeliveryState state, String body) {
        HttpUrl url = settings.url();
        int status = url == null ? -1 : post(url, body);
        if (url == null) {
            LOG.warn("Kaleyra stub: the {} callback was not posted: the application's URL is not known yet", state);
        } else if (status < 200 || status > 299) {
            LOG.warn("Kaleyra stub: the {} callback to {} was answered {}", state, url.encodedPath(),
                    status == -1 ? "by no one (unreachable or timed out)" : status);
        }
        posted.add(new PostedCallback(state, sendMessageId, recipient, status, body));
        synchronized (this) {
            pending--;
            notifyAll();
        }
    }

    private int post(HttpUrl url, String body) {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        settings.headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code();
        } catch (IOException unreachable) {
            return -1;
        }
    }

    /** Waits until every callback scheduled so far was posted (answered or not), then lists them all. */
    List<PostedCallback> await(Duration timeout) throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (pending > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(pending + " callbacks not yet posted after " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return posted();
    }

    List<PostedCallback> posted() {
        synchronized (posted) {
            return List.copyOf(posted);
        }
    }

    void reset() {
        posted.clear();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
