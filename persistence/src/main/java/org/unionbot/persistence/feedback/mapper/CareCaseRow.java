package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;

/** A {@code care_case} row; times are UTC. */
public class CareCaseRow {
    public Long id;
    public String ref;
    public String type;
    public long reporterMemberId;
    public Long subjectMemberId;
    public String subjectName;
    public String details;
    public Long assigneeMemberId;
    public String status;
    public LocalDateTime reportedAt;
    public LocalDateTime closedAt;

    @Override
    public String toString() {
        return "CareCaseRow[ref=" + ref + ", type=" + type + ", status=" + status + "]";
    }
}
