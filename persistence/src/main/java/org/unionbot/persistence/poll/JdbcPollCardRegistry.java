package org.unionbot.persistence.poll;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.PollCardRegistry;

/** Delivered poll cards in {@code poll_card} (Flyway V76): shared by every instance, kept across restarts. */
public final class JdbcPollCardRegistry implements PollCardRegistry {
    /** Rows deleted per statement while purging, so a purge never locks the table for long. */
    static final int PURGE_BATCH = 5_000;

    private final JdbcTemplate jdbc;

    public JdbcPollCardRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(long pollId, Platform platform, Card card, Instant deliveredAt) {
        // one statement: a card delivered again (a reminder resends the same outTrackId) stays one row
        jdbc.update("INSERT INTO poll_card (platform, card_id, poll_id, via, delivered_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE via = VALUES(via)",
                platform.code(), card.cardId(), pollId, card.via(),
                Timestamp.valueOf(LocalDateTime.ofInstant(deliveredAt, ZoneOffset.UTC)));
    }

    @Override
    public List<Card> cardsOf(long pollId, Platform platform) {
        return jdbc.query("SELECT card_id, via FROM poll_card WHERE poll_id = ? AND platform = ?"
                        + " ORDER BY delivered_at, card_id",
                (rs, row) -> new Card(rs.getString(1), rs.getString(2)), pollId, platform.code());
    }

    /**
     * Forgets the cards of polls closed before the cutoff. A card is kept to update its tally on each vote and
     * to show the closed state once the poll closes; weeks after the close neither happens, and a late click
     * on an old card finds the poll closed whether or not its row is still here. Cards of open polls, and of
     * polls whose row is gone, are left alone. In batches, like the other purges (the subquery reads the small
     * poll table; {@code idx_poll_card_poll} finds the cards).
     *
     * @return the number of cards deleted
     */
    public int purgeClosedBefore(Instant cutoff) {
        Timestamp before = Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM poll_card WHERE poll_id IN"
                    + " (SELECT id FROM poll WHERE status = 'CLOSED' AND closed_at < ?) LIMIT " + PURGE_BATCH, before);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}
