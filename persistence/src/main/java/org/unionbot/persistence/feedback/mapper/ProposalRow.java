package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;

/** A {@code proposal} row; times are UTC. Co-signers come from {@code proposal_cosigner}. */
public class ProposalRow {
    public Long id;
    public long sessionId;
    public int number;
    public long proposerId;
    public String title;
    public String reasons;
    public String measures;
    public String office;
    public String reply;
    public LocalDateTime repliedAt;
    public String implementation;
    public String satisfaction;
    public LocalDateTime submittedAt;

    @Override
    public String toString() {
        return "ProposalRow[session=" + sessionId + ", number=" + number + "]";
    }
}
