package org.unionbot.core.poll;

/** What happened to a vote. */
public enum VoteOutcome {
    RECORDED,
    CHANGED,
    /** The member voted already and the poll does not allow changes (or no valid receipt was given). */
    ALREADY_VOTED,
    NOT_ELIGIBLE,
    CLOSED
}
