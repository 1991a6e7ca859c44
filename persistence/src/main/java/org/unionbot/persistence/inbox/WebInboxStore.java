package org.unionbot.persistence.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The web inbox in the database: what waits for a web user survives a restart and is shared by every
 * instance. Knows nothing of the web adapter's types (the composition root maps them), only rows.
 *
 * <p>Exactly once: a put is an INSERT IGNORE on (delivery key, web user), so a reminder resent after a
 * crash is stored once; a take claims the waiting rows with one UPDATE under a fresh token and reads them
 * back by it, so two polls at once never both get a message. Taken rows stay (marked) until
 * {@link #purgeTakenBefore} so that a late resend still meets its key.
 */
public final class WebInboxStore {
    /** Options of a choices message are joined with this character, which no option contains (checked). */
    static final char OPTION_SEPARATOR = '\u001F';
    /** At most this many messages per take; the page polls again for the rest. */
    static final int TAKE_LIMIT = 200;

    private final WebInboxMapper mapper;

    public WebInboxStore(WebInboxMapper mapper) {
        this.mapper = mapper;
    }

    /** One stored message; {@code kind} is text, knowledge or choices. */
    public record Message(String kind, String body, String entryId, String title, Double confidence,
                          List<String> options, Instant putAt) {
        public Message {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(body, "body");
            options = options == null ? List.of() : List.copyOf(options);
        }

        @Override
        public String toString() {
            return "Message[" + kind + ", " + putAt + "]";
        }
    }

    /** Stores the message unless one with the same key is already there for the user; true if stored. */
    public boolean put(String webUser, String deliveryKey, Message message) {
        String options = null;
        if (!message.options().isEmpty()) {
            for (String o : message.options()) {
                if (o.indexOf(OPTION_SEPARATOR) >= 0) {
                    throw new IllegalArgumentException("an option contains the separator character");
                }
            }
            options = String.join(String.valueOf(OPTION_SEPARATOR), message.options());
        }
        return mapper.insertIgnore(webUser, deliveryKey, message.kind(), message.body(), message.entryId(),
                message.title(), message.confidence(), options, toDb(message.putAt())) > 0;
    }

    /** The user's waiting messages, oldest first, marked taken. */
    public List<Message> take(String webUser, Instant now) {
        String token = UUID.randomUUID().toString();
        if (mapper.markTaken(webUser, token, toDb(now), TAKE_LIMIT) == 0) {
            return List.of();
        }
        List<Message> out = new ArrayList<>();
        for (Map<String, Object> row : mapper.takenBy(token)) {
            Object options = get(row, "options");
            Object confidence = get(row, "confidence");
            out.add(new Message(String.valueOf(get(row, "kind")), String.valueOf(get(row, "body")),
                    (String) get(row, "entry_id"), (String) get(row, "title"),
                    confidence == null ? null : ((Number) confidence).doubleValue(),
                    options == null ? List.of()
                            : Arrays.asList(options.toString().split(String.valueOf(OPTION_SEPARATOR), -1)),
                    fromDb(get(row, "put_at"))));
        }
        return out;
    }

    public int waiting(String webUser) {
        return mapper.countWaiting(webUser);
    }

    /** Deletes messages taken before {@code before}; returns how many. */
    public int purgeTakenBefore(Instant before) {
        return mapper.purgeTaken(toDb(before));
    }

    /** Result maps may spell column names in either case, depending on the driver. */
    private static Object get(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    private static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant fromDb(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + value);
    }
}
