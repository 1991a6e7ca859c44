package org.unionbot.persistence.board;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unionbot.persistence.inbox.WebInboxStore;

/**
 * The web chat's group boards in the database: posts survive a restart and every instance shows the same
 * board. Rows only (the composition root maps the web adapter's entries), in the same shape as the web
 * inbox's messages. A post is stored once per (board, delivery key); a read returns the latest posts only;
 * {@link #purgeBefore} drops old ones.
 */
public final class WebGroupBoardStore {
    /** Options of a choices message are joined with this character, which no option contains (checked). */
    static final char OPTION_SEPARATOR = '\u001F';

    private final WebGroupPostMapper mapper;

    public WebGroupBoardStore(WebGroupPostMapper mapper) {
        this.mapper = mapper;
    }

    /** Posts the message unless the board already has one with this key; true if stored. */
    public boolean post(String board, String deliveryKey, WebInboxStore.Message message) {
        String options = null;
        if (!message.options().isEmpty()) {
            for (String o : message.options()) {
                if (o.indexOf(OPTION_SEPARATOR) >= 0) {
                    throw new IllegalArgumentException("an option contains the separator character");
                }
            }
            options = String.join(String.valueOf(OPTION_SEPARATOR), message.options());
        }
        return mapper.insertIgnore(board, deliveryKey, message.kind(), message.body(), message.entryId(),
                message.title(), message.confidence(), options, toDb(message.putAt())) > 0;
    }

    /** The board's latest {@code limit} posts, oldest first. */
    public List<WebInboxStore.Message> latest(String board, int limit) {
        List<WebInboxStore.Message> out = new ArrayList<>();
        for (Map<String, Object> row : mapper.latest(board, limit)) {
            Object options = get(row, "options");
            Object confidence = get(row, "confidence");
            out.add(new WebInboxStore.Message(String.valueOf(get(row, "kind")), String.valueOf(get(row, "body")),
                    (String) get(row, "entry_id"), (String) get(row, "title"),
                    confidence == null ? null : ((Number) confidence).doubleValue(),
                    options == null ? List.of()
                            : Arrays.asList(options.toString().split(String.valueOf(OPTION_SEPARATOR), -1)),
                    fromDb(get(row, "posted_at"))));
        }
        Collections.reverse(out);
        return out;
    }

    /** Deletes posts made before {@code before}, on every board; returns how many. */
    public int purgeBefore(Instant before) {
        return mapper.purgeBefore(toDb(before));
    }

    /** Result maps may spell column names in either case, depending on the driver. */
    private static Object get(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase(Locale.ROOT));
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
