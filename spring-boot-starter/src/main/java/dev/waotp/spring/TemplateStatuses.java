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
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application last heard of the status of each template it sends with: from Kaleyra's template
 * list, read in the background, and at once from Kaleyra's template-status callbacks through
 * {@link #update}. The {@code waotp} health indicator reports from here. Only the templates the
 * application declares (its {@code @AuthTemplate} senders, in each of their languages) are kept; a status
 * for any other is ignored, so what callbacks post cannot grow this record. Thread-safe; a bean of the
 * starter.
 *
 * <pre>{@code
 * // in the handler of Kaleyra's template status callback (Approved, Rejected, Disabled, Paused):
 * templateStatuses.update(name, language, status);
 * }</pre>
 */
public final class TemplateStatuses {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateStatuses.class);
    /** How much of a name or language a log line shows: a callback's value can be 60 KB. */
    private static final int SHOWN_CHARS = 64;

    private final SortedSet<TemplateKey> declared;
    private final Clock clock;
    private final Map<TemplateKey, Entry> statuses = new ConcurrentHashMap<>();
    private volatile @Nullable Instant refreshed;
    private volatile @Nullable String error;

    TemplateStatuses(Set<TemplateKey> declared) {
        this(declared, Clock.systemUTC());
    }

    TemplateStatuses(Set<TemplateKey> declared, Clock clock) {
        this.declared = new TreeSet<>(declared);
        this.clock = clock;
    }

    /**
     * Records a template's status as Kaleyra or Meta just reported it, for example from a status
     * callback; the case does not matter ({@code Paused} is {@code PAUSED}). A list read from Kaleyra
     * that started before this call does not overwrite it. A template the application does not send
     * with is ignored, with one log line.
     *
     * @throws IllegalArgumentException when a value is blank
     */
    public void update(String name, String lang, String status) {
        TemplateKey key = new TemplateKey(nonBlank("name", name), nonBlank("lang", lang));
        String upper = nonBlank("status", status).toUpperCase(Locale.ROOT);
        if (!declared.contains(key)) {
            LOG.info("Ignored the status of template {}/{}: not one this application sends with", shown(key.name()),
                    shown(key.lang()));
            return;
        }
        statuses.put(key, new Entry(upper, clock.instant()));
    }

    /** The last status heard of a template, upper case; {@code null} when none was, or it is not declared. */
    public @Nullable String status(String name, String lang) {
        Entry entry = statuses.get(new TemplateKey(name, lang));
        return entry == null ? null : entry.status();
    }

    /** The templates the application sends with, each in each of its languages. */
    SortedSet<TemplateKey> declared() {
        return declared;
    }

    /** How many templates a status is kept for. */
    int size() {
        return statuses.size();
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
     * The account's list, read from {@code started} on, replaces what was known of the declared
     * templates, but not what a callback said after {@code started}: that is newer than the list.
     */
    void refreshed(List<MessageTemplate> templates, Instant started) {
        Set<TemplateKey> listed = new HashSet<>();
        for (MessageTemplate template : templates) {
            TemplateKey key = new TemplateKey(template.name(), template.language());
            if (!declared.contains(key)) {
                continue;
            }
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

    /** The start of a value, on one line, and how long it was when it is cut. */
    private static String shown(String value) {
        String start = value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS);
        start = start.replaceAll("\\p{Cntrl}", "?");
        return value.length() <= SHOWN_CHARS ? start : start + "...(" + value.length() + " characters)";
    }

    private record Entry(String status, Instant since) {
        Entry {
            Objects.requireNonNull(status);
        }
    }
}
