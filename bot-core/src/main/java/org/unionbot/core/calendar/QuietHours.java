package org.unionbot.core.calendar;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * No reminder reaches a teacher between {@code start} and {@code end} (22:00–07:00 by default) in the
 * school's time zone unless it is marked urgent; a send that falls inside waits until {@code end}.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean contains(LocalTime t) {
        return start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /** The first moment at or after {@code at} outside quiet hours. */
    public LocalDateTime nextAllowed(LocalDateTime at) {
        if (!contains(at.toLocalTime())) {
            return at;
        }
        LocalDateTime sameDayEnd = at.toLocalDate().atTime(end);
        return sameDayEnd.isAfter(at) ? sameDayEnd : sameDayEnd.plusDays(1);
    }
}
