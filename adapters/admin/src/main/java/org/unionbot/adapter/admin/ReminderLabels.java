package org.unionbot.adapter.admin;

import java.util.Optional;
import org.unionbot.core.calendar.CalendarTexts;
import org.unionbot.core.calendar.PlannedSend;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.StoredSeries;

/**
 * A reminder's delivery source key ("teachers-day|2026-09-10|A3", or "p|…" for a personal lead) in
 * words for the committee: the series' title, the event's date and which send it was. Keys that do not
 * read (an older format) are shown as they are rather than hidden.
 */
public final class ReminderLabels {
    private ReminderLabels() {}

    public static String label(String sourceKey, ReminderService reminders) {
        String[] parts = sourceKey.split("\\|");
        if (parts.length == 4 && parts[0].equals("p")) {
            return title(parts[1], reminders) + " " + parts[2] + "（个人提前提醒）";
        }
        try {
            PlannedSend send = PlannedSend.parseTaskId(sourceKey, java.time.LocalDateTime.MIN);
            String kind = switch (send.kind()) {
                case ADVANCE -> "提前 " + send.days() + " 天";
                case DAY_OF -> "当天";
                case FOLLOW_UP -> "事后 " + send.days() + " 天";
            };
            return title(send.seriesKey(), reminders) + " " + CalendarTexts.dateWithWeekday(send.eventDate())
                    + "（" + kind + "）";
        } catch (RuntimeException unreadable) {
            return sourceKey;
        }
    }

    private static String title(String key, ReminderService reminders) {
        Optional<StoredSeries> s = reminders.find(key);
        return s.map(x -> x.title() == null ? x.key() : x.title()).orElse(key);
    }
}
