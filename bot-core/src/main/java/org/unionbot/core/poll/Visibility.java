package org.unionbot.core.poll;

/** Who sees the tally and when. */
public enum Visibility {
    /** Everyone in the electorate, while the poll runs. */
    LIVE,
    /** Everyone in the electorate, once closed. */
    AFTER_CLOSE,
    /** Committee members only. */
    COMMITTEE
}
