package org.unionbot.core.feedback;

/** A care case is open until the committee member records that the union has visited or helped. */
public enum CareStatus {
    OPEN,
    CLOSED
}
