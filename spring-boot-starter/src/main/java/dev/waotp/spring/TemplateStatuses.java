package dev.waotp.spring;

import dev.waotp.MessageTemplate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the application last heard of each template's status: from Kaleyra's template list, read in the
 * background, and at once from Kaleyra's template-status callbacks through {@link #update}. The
 * {@code waotp} health indicator reports from here. Thread-safe; a bean of the starter.
 *
 * <pre>{@code
 * // in the handler of Kaleyra's template status callback (Approved, Rejected, Disabled, Paused):
 * templateStatuses.update(name, language, status);
 * }</pre>
 */
public final class TemplateStatuses {
    private final Clock clock;
    private final Map<TemplateKey, Entry> statuses = new ConcurrentHashMap<>();
    private volatile @Nullable Instant refreshed;
    private volatile @Nullable String error;

    /** An empty record, as the starter makes it. */
    public TemplateStatuses() {
        this(Clock.systemUTC());
    }

    TemplateStatuses(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a template's status as Kaleyra or Meta just reported it, for example from a status
     * callback; the case does not matter ({@code Paused} is {@code PAUSED}). A list read from Kaleyra
     * that started before this call does not overwrite it.
     *
     * @throws IllegalArgumentException when a value is blank
     */
    public void update(String name, String lang, String status) {
        statuses.put(new TemplateKey(nonBlank("name", name), nonBlank("lang", lang)),
                new Entry(nonBlank("status", status).toUpperCase(Locale.ROOT), clock.instant()));
    }

    /** The last status heard of a template, upper case; {@code null} when none was. */
    public @Nullable String status(String name, String lang) {
        Entry entry = statuses.get(new TemplateKey(name, lang));
        return entry == null ? null : entry.status();
    }

    /** When the whole list was last read from Kaleyra; {@code null} before the first read succeeded. */
    @Nullable Instant refreshed() {
        return refreshed;
    }

    /** Why the last read of the list failed; {@code null} when it did not. */
    @Nullable String error() {
        return error;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The account's list, read from {@code started} on, replaces what was known, but not what a
     * callback said after {@code started}: that is newer than the list.
     */
    void refreshed(List<MessageTemplate> templates, Instant started) {
        Set<TemplateKey> listed = new HashSet<>();
        for (MessageTemplate template : templates) {
            TemplateKey key = new TemplateKey(template.name(), template.language());
            listed.add(key);
            Entry fresh = new Entry(template.status().toUpperCase(Locale.ROOT), started);
            statuses.merge(key, fresh, (known, read) -> known.since().isAfter(started) ? known : read);
        }
        statuses.entrySet().removeIf(e -> !listed.contains(e.getKey()) && !e.getValue().since().isAfter(started));
        refreshed = started;
        error = null;
    }

    /** Keeps the last known statuses, with the reason they may be stale. */
    void refreshFailed(String reason) {
        error = reason;
    }

    private static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.trim();
    }

    private record Entry(String status, Instant since) {
        Entry {
            Objects.requireNonNull(status);
        }
    }
}
