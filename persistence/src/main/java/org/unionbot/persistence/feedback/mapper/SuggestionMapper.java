package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The {@code suggestion} table. */
public interface SuggestionMapper {

    void insert(SuggestionRow row);

    SuggestionRow selectByRef(String ref);

    SuggestionRow selectByCodeHash(String codeHash);

    List<SuggestionRow> selectByStatus(@Param("statuses") Collection<String> statuses);

    /** Conditional on the stored status: returns 0 when someone else changed it first. */
    int update(@Param("row") SuggestionRow row, @Param("expected") String expectedStatus);

    List<SuggestionRow> selectUnpublishedAnswers(int limit);

    void markPublished(@Param("ids") Collection<Long> ids, @Param("on") LocalDate on);
}
