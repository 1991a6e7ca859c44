package org.unionbot.core.member;

/** Which calendar a date is kept in: many teachers celebrate their lunar (农历) birthday. */
public enum CalendarKind {
    SOLAR,
    LUNAR
}
