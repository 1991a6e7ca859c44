package org.unionbot.core.calendar;

/** A series sends nothing until approved; changing its definition makes it pending again. */
public enum SeriesStatus {
    PENDING,
    APPROVED
}
