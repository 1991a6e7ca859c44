package org.unionbot.persistence.poll;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.poll.PollChannelRepository;

/** A poll's announcement groups in {@code poll_channel} (Flyway V31). */
public final class JdbcPollChannelRepository implements PollChannelRepository {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcPollChannelRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(long pollId, List<String> channelNames) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM poll_channel WHERE poll_id = ?", pollId);
            for (int i = 0; i < channelNames.size(); i++) {
                jdbc.update("INSERT INTO poll_channel (poll_id, channel_name, position) VALUES (?, ?, ?)",
                        pollId, channelNames.get(i), i);
            }
        });
    }

    @Override
    public List<String> channels(long pollId) {
        return jdbc.queryForList("SELECT channel_name FROM poll_channel WHERE poll_id = ? ORDER BY position",
                String.class, pollId);
    }
}
