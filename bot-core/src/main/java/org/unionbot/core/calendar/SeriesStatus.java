package org.unionbot.core.calendar;

/**
 * A series sends nothing until approved; changing its definition makes it pending again. A paused series
 * sends nothing (its scheduled sends fire and do nothing) until it is approved again.
 */
public enum SeriesStatus {
    PENDING,
    APPROVED,
    PAUSED
}
