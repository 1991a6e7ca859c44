package org.unionbot.persistence.knowledge;

import java.time.LocalDateTime;

/** A {@code knowledge_unanswered} row; MyBatis fills the fields by name. */
public final class UnansweredRow {
    private Long id;
    private String question;
    private Long askerMemberId;
    private Long assigneeMemberId;
    private LocalDateTime askedAt;
    private String entryId;

    public UnansweredRow() {}

    UnansweredRow(String question, Long askerMemberId, Long assigneeMemberId, LocalDateTime askedAt) {
        this.question = question;
        this.askerMemberId = askerMemberId;
        this.assigneeMemberId = assigneeMemberId;
        this.askedAt = askedAt;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getQuestion() { return question; }
    public Long getAskerMemberId() { return askerMemberId; }
    public Long getAssigneeMemberId() { return assigneeMemberId; }
    public LocalDateTime getAskedAt() { return askedAt; }
    public String getEntryId() { return entryId; }
}
