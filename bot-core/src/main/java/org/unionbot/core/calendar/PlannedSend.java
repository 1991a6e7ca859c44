package org.unionbot.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One reminder of a series for one occurrence: an advance notice {@code days} before the event, the
 * day-of reminder, or a follow-up {@code days} after. {@link #taskId()} names its scheduled task and is
 * the source key of its deliveries, so a send is recognised however often its task fires.
 */
public record PlannedSend(String seriesKey, LocalDate eventDate, Kind kind, int days, LocalDateTime sendAt) {
    public PlannedSend {
        Objects.requireNonNull(seriesKey, "seriesKey");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sendAt, "sendAt");
    }

    public enum Kind {
        ADVANCE("A"),
        DAY_OF("D"),
        FOLLOW_UP("F");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** "teachers-day|2026-09-10|A7". */
    public String taskId() {
        return seriesKey + "|" + eventDate + "|" + kind.code + days;
    }

    /** Reads a {@link #taskId()} back (without the send time, which the schedule keeps). */
    public static PlannedSend parseTaskId(String id, LocalDateTime sendAt) {
        String[] parts = id.split("\\|");
        if (parts.length != 3 || parts[2].length() < 2) {
            throw new IllegalArgumentException("not a reminder task id: " + id);
        }
        Kind kind = switch (parts[2].charAt(0)) {
            case 'A' -> Kind.ADVANCE;
            case 'D' -> Kind.DAY_OF;
            case 'F' -> Kind.FOLLOW_UP;
            default -> throw new IllegalArgumentException("not a reminder task id: " + id);
        };
        return new PlannedSend(parts[0], LocalDate.parse(parts[1]), kind, Integer.parseInt(parts[2].substring(1)), sendAt);
    }
}
