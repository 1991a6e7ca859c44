package org.unionbot.persistence;

import java.time.Instant;
import java.util.Objects;
import org.unionbot.core.engine.ProcessedMessageLog;
import org.unionbot.persistence.mapper.ProcessedMessageMapper;

/**
 * The dedup log in {@code processed_message}: one INSERT IGNORE per message, decided by the primary
 * key, so two instances receiving the same retry agree on which one handles it.
 */
public final class MyBatisProcessedMessageLog implements ProcessedMessageLog {

    /** Rows deleted per statement while purging, so a purge never locks the table for long. */
    static final int PURGE_BATCH = 5_000;

    private final ProcessedMessageMapper mapper;

    public MyBatisProcessedMessageLog(ProcessedMessageMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean recordFirst(String deduplicationKey, Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return mapper.insertIgnore(DbKeys.fit(deduplicationKey), DbTime.toDb(receivedAt)) == 1;
    }

    /**
     * Forgets keys received before the cutoff. Platforms stop retrying within minutes (WeChat after
     * 15 s, DingTalk within hours), so a cutoff of a few days loses nothing.
     *
     * @return the number of keys deleted
     */
    public int purgeOlderThan(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = mapper.deleteReceivedBefore(DbTime.toDb(cutoff), PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}
