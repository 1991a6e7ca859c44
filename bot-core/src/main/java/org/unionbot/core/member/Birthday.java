package org.unionbot.core.member;

import java.util.Objects;

/**
 * A member's birthday as the member keeps it: solar month/day, or lunar month/day (leap month possible).
 * The year is not kept: greetings need only the day, and the birth year is personal data the union does
 * not need.
 */
public record Birthday(CalendarKind calendar, int month, int day, boolean leapMonth) {
    public Birthday {
        Objects.requireNonNull(calendar, "calendar");
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        int maxDay = calendar == CalendarKind.LUNAR ? 30 : java.time.Month.of(month).maxLength();
        if (day < 1 || day > maxDay) {
            throw new IllegalArgumentException("day out of range: " + day);
        }
        if (leapMonth && calendar != CalendarKind.LUNAR) {
            throw new IllegalArgumentException("only a lunar month can be a leap month");
        }
    }

    public static Birthday solar(int month, int day) {
        return new Birthday(CalendarKind.SOLAR, month, day, false);
    }

    public static Birthday lunar(int month, int day) {
        return new Birthday(CalendarKind.LUNAR, month, day, false);
    }
}
