package org.unionbot.persistence.knowledge;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The knowledge tables: entries in service and questions handed off. */
public interface KnowledgeMapper {

    int deleteByOrigin(@Param("origin") String origin);

    /** Inserts or replaces the entry with the same id. */
    int upsert(KnowledgeEntryRow row);

    List<KnowledgeEntryRow> findByOrigin(@Param("origin") String origin);

    int insertUnanswered(UnansweredRow row);

    List<UnansweredRow> findOpenUnanswered(@Param("limit") int limit);

    UnansweredRow findUnanswered(@Param("id") long id);

    /** @return 1 when the question was open and is now resolved, else 0 */
    int resolveUnanswered(@Param("id") long id, @Param("entryId") String entryId,
                          @Param("resolvedAt") LocalDateTime resolvedAt);
}
