package dev.waotp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import okhttp3.ResponseBody;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the whole template list, page after page. Each page is one GET, which changes nothing at
 * Kaleyra, so every 5xx and every connection failure is retried (the {@link RetryPolicy}'s attempts
 * and backoff, not its {@code retryUnconfirmed}, which is about sends); 4xx answers are the typed
 * exceptions of {@link ResponseReader}. The client's deadline bounds each page, waits included.
 */
final class TemplateListing {
    private static final Logger log = LoggerFactory.getLogger(KaleyraClient.class);
    /** A bound against a server whose paging never ends; far more pages than a template list needs. */
    static final int MAX_PAGES = 1000;

    private final Function<@Nullable String, Call<ResponseBody>> pages;
    private final RetryPolicy policy;
    private final ResponseReader reader;
    private final ObjectMapper mapper;
    private final Duration deadline;
    private final BooleanSupplier closed;

    TemplateListing(Function<@Nullable String, Call<ResponseBody>> pages, RetryPolicy policy,
            ResponseReader reader, ObjectMapper mapper, Duration deadline, BooleanSupplier closed) {
        this.pages = pages;
        this.policy = policy;
        this.reader = reader;
        this.mapper = mapper;
        this.deadline = deadline;
        this.closed = closed;
    }

    List<MessageTemplate> all() {
        List<MessageTemplate> templates = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        for (int page = 1; ; page++) {
            TemplatePage answer = page(after, page);
            templates.addAll(answer.templates());
            after = answer.after();
            if (after == null) {
                return List.copyOf(templates);
            }
            if (!cursors.add(after)) {
                throw new KaleyraException("Kaleyra's template list sent page " + page
                        + " with a cursor it had sent before; stopped rather than loop");
            }
            if (page == MAX_PAGES) {
                throw new KaleyraException("Kaleyra's template list has more than " + MAX_PAGES + " pages; stopped");
            }
        }
    }

    private TemplatePage page(@Nullable String after, int page) {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        for (int attempt = 1; ; attempt++) {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException("KaleyraClient was closed while listing templates");
            }
            log.debug("Listing templates, page {} (attempt {}/{})", page, attempt, policy.maxAttempts());
            KaleyraException failure;
            try {
                return read(withinDeadline(pages.apply(after), deadlineNanos).execute());
            } catch (KaleyraServerException e) {
                failure = e;
            } catch (IOException e) {
                failure = new KaleyraTransportException("could not read Kaleyra's template list, page " + page
                        + ": " + e, attempt, e);
            }
            long delay = retryDelay(attempt, failure, deadlineNanos);
            if (delay < 0) {
                throw failure;
            }
            log.warn("Listing templates failed ({}); retrying in {} ms, attempt {}/{}",
                    failure.getMessage(), delay, attempt + 1, policy.maxAttempts());
            sleep(delay, attempt);
        }
    }

    /** @throws IOException when the body breaks off while read: a GET may simply be asked again */
    private TemplatePage read(Response<ResponseBody> response) throws IOException {
        if (!response.isSuccessful()) {
            try (ResponseBody body = response.errorBody()) {
                Duration retryAfter = RetryAfter.parse(response.headers().get(RetryAfter.HEADER), Instant.now());
                throw reader.failure(response.code(), retryAfter, body);
            }
        }
        try (ResponseBody body = response.body()) {
            return TemplatePage.parse(mapper, body == null ? new byte[0] : body.bytes());
        }
    }

    private long retryDelay(int attempt, KaleyraException failure, long deadlineNanos) {
        if (attempt >= policy.maxAttempts()) {
            return -1;
        }
        Duration asked = failure instanceof KaleyraApiException api ? api.retryAfter() : null;
        long delay = asked != null ? asked.toMillis() : policy.delayMillisBefore(attempt + 1);
        return delay < TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) ? delay : -1;
    }

    private static Call<ResponseBody> withinDeadline(Call<ResponseBody> call, long deadlineNanos) {
        long left = Math.max(deadlineNanos - System.nanoTime(), 1);
        Timeout timeout = call.timeout();
        if (timeout.timeoutNanos() == 0 || left < timeout.timeoutNanos()) {
            timeout.timeout(left, TimeUnit.NANOSECONDS);
        }
        return call;
    }

    private static void sleep(long delay, int attempt) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KaleyraTransportException("interrupted while waiting to retry the template list", attempt, e);
        }
    }
}
