package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A {@code suggestion} row as MyBatis reads and writes it; times are UTC. */
public class SuggestionRow {
    public long id;
    public String ref;
    public String codeHash;
    public String mode;
    public Long senderMemberId;
    public LocalDate submittedOn;
    public LocalDateTime submittedAt;
    public String body;
    public String status;
    public Long assigneeMemberId;
    public Long assigneeGroupId;
    public String answer;
    public LocalDateTime answeredAt;
    public Long answeredBy;
    public LocalDateTime closedAt;
    public LocalDate publishedOn;

    @Override
    public String toString() {
        return "SuggestionRow[ref=" + ref + ", mode=" + mode + ", status=" + status + "]";
    }
}
