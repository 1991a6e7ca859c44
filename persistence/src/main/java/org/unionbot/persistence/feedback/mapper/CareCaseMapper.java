package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The {@code care_case} and {@code care_case_note} tables. */
public interface CareCaseMapper {

    /** Sets {@code row.id} from the generated key. */
    void insert(CareCaseRow row);

    CareCaseRow selectByRef(String ref);

    List<CareCaseRow> selectOpen();

    /** Closed cases, latest closed first; only the assignee's unless it is null. */
    List<CareCaseRow> selectClosed(@Param("assignee") Long assignee, @Param("limit") int limit);

    void insertNote(CareNoteRow note);

    List<CareNoteRow> selectNotes(long caseId);

    int close(@Param("id") long id, @Param("at") LocalDateTime at);
}
