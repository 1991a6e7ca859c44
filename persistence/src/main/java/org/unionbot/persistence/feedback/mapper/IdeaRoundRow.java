package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;

/** An {@code idea_round} row; times are UTC. */
public class IdeaRoundRow {
    public Long id;
    public String theme;
    public LocalDateTime opensAt;
    public LocalDateTime deadline;
}
