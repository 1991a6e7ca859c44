package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;

/** A {@code care_case_note} row; time in UTC. */
public class CareNoteRow {
    public long caseId;
    public long authorMemberId;
    public LocalDateTime notedAt;
    public String text;

    @Override
    public String toString() {
        return "CareNoteRow[case=" + caseId + "]";
    }
}
