package org.unionbot.core.feedback;

/** received → assigned → answered → closed; withdrawn by the sender before an answer. */
public enum SuggestionStatus {
    RECEIVED,
    ASSIGNED,
    ANSWERED,
    CLOSED,
    WITHDRAWN;

    public boolean answerable() {
        return this == RECEIVED || this == ASSIGNED;
    }
}
