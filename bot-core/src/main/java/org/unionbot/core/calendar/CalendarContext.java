package org.unionbot.core.calendar;

import java.util.Objects;

/** What date rules need besides the astronomy: the statutory holidays and the school's terms. */
public record CalendarContext(HolidayCalendar holidays, TermCalendar terms) {
    public CalendarContext {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(terms, "terms");
    }
}
