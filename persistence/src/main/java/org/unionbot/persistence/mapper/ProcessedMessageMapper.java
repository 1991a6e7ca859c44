package org.unionbot.persistence.mapper;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Param;

/** Keys of platform messages already handled. */
public interface ProcessedMessageMapper {

    /** @return 1 the first time a key is inserted, 0 when it is already there */
    int insertIgnore(@Param("dedupKey") String dedupKey, @Param("receivedAt") LocalDateTime receivedAt);

    /** Deletes at most {@code limit} rows received before the cutoff, so one purge never holds long locks. */
    int deleteReceivedBefore(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);
}
