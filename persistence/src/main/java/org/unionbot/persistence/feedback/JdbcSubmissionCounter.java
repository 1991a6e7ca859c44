package org.unionbot.persistence.feedback;

import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.feedback.SubmissionCounter;

/**
 * The daily submission limit in {@code feedback_rate} (Flyway V44), atomic without a transaction:
 * <ol>
 *   <li>{@code UPDATE … SET used = used + 1 WHERE rate_key = ? AND used < limit} — the row lock makes the
 *       check and the increment one step, so concurrent submissions are counted one after the other;
 *       one affected row means counted (the value always changes, so found and changed rows agree);
 *   <li>no row affected: {@code INSERT IGNORE} the day's first count — one affected row means counted;
 *   <li>nothing inserted: another submission created the row meanwhile, so the conditional UPDATE is
 *       tried once more; no row now means the limit is reached.
 * </ol>
 * A single {@code INSERT … ON DUPLICATE KEY UPDATE} cannot tell "counted" from "at the limit" portably:
 * its affected-row count depends on the driver's found-rows setting.
 */
public final class JdbcSubmissionCounter implements SubmissionCounter {
    private static final String INCREMENT = "UPDATE feedback_rate SET used = used + 1 WHERE rate_key = ? AND used < ?";
    private static final String FIRST = "INSERT IGNORE INTO feedback_rate (rate_key, used, expires_at) VALUES (?, 1, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcSubmissionCounter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean tryIncrement(String key, int limit, Instant expiresAt) {
        if (limit < 1) {
            return false;
        }
        if (jdbc.update(INCREMENT, key, limit) == 1) {
            return true;
        }
        if (jdbc.update(FIRST, key, MyBatisSuggestionRepository.toDb(expiresAt)) == 1) {
            // a member's first submission of the day: a good moment to forget earlier days' counters
            jdbc.update("DELETE FROM feedback_rate WHERE expires_at <= ? LIMIT 1000", MyBatisSuggestionRepository.toDb(clock.instant()));
            return true;
        }
        return jdbc.update(INCREMENT, key, limit) == 1;
    }
}
