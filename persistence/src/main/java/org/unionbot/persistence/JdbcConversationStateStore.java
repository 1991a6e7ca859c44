package org.unionbot.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * Conversation state in {@code conversation_state}, shared by every instance. Expired rows are invisible
 * to {@link #get} at once and deleted later by {@link #purgeExpired}, so a read never has to write.
 */
public final class JdbcConversationStateStore implements ConversationStateStore {

    /** Rows deleted per statement while purging. */
    static final int PURGE_BATCH = 5_000;

    // VALUES(col) rather than the MySQL 8.0.19+ row alias: MariaDB knows only VALUES(col), and MySQL 8
    // still accepts it (with a deprecation note).
    private static final String UPSERT = "INSERT INTO conversation_state (state_key, `value`, expires_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE `value` = VALUES(`value`), expires_at = VALUES(expires_at)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcConversationStateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(StateKey key) {
        List<String> values = jdbc.queryForList(
                "SELECT `value` FROM conversation_state WHERE state_key = ? AND expires_at > ?",
                String.class,
                DbKeys.fit(key.asString()),
                DbTime.toDb(clock.instant()));
        return values.stream().findFirst();
    }

    @Override
    public void put(StateKey key, String value, Duration timeToLive) {
        Objects.requireNonNull(value, "value");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("state must live for a positive time");
        }
        jdbc.update(UPSERT, DbKeys.fit(key.asString()), value, DbTime.toDb(clock.instant().plus(timeToLive)));
    }

    @Override
    public void remove(StateKey key) {
        jdbc.update("DELETE FROM conversation_state WHERE state_key = ?", DbKeys.fit(key.asString()));
    }

    /**
     * Deletes the entries expired at {@code now}.
     *
     * @return the number of entries deleted
     */
    public int purgeExpired(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(
                    "DELETE FROM conversation_state WHERE expires_at <= ? LIMIT " + PURGE_BATCH, DbTime.toDb(now));
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}
