package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;

/** A {@code proposal_session} row; times are UTC. */
public class ProposalSessionRow {
    public Long id;
    public int term;
    public int meeting;
    public LocalDateTime opensAt;
    public LocalDateTime closesAt;
    public LocalDateTime publishedAt;
}
