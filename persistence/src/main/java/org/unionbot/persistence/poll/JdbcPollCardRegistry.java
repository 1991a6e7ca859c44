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
}
