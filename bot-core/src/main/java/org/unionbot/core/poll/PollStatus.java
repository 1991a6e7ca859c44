package org.unionbot.core.poll;

/** A poll is drafted, opened (electorate and secrecy fixed), then closed exactly once. */
public enum PollStatus {
    OPEN,
    CLOSED
}
