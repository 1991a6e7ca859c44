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
            return ConsoleTexts.get("reminder.label.personal", title(parts[1], reminders), parts[2]);
        }
        try {
            PlannedSend send = PlannedSend.parseTaskId(sourceKey, java.time.LocalDateTime.MIN);
            return ConsoleTexts.get("reminder.label.send", title(send.seriesKey(), reminders),
                    CalendarTexts.dateWithWeekday(send.eventDate()), kind(send));
        } catch (RuntimeException unreadable) {
            return sourceKey;
        }
    }

    /** Which send of its event a reminder is (提前 3 天, 当天, 事后 1 天), as every console page names it. */
    public static String kind(PlannedSend send) {
        return switch (send.kind()) {
            case ADVANCE -> ConsoleTexts.get("reminder.kind.advance", send.days());
            case DAY_OF -> ConsoleTexts.get("reminder.kind.dayOf");
            case FOLLOW_UP -> ConsoleTexts.get("reminder.kind.followUp", send.days());
        };
    }

    private static String title(String key, ReminderService reminders) {
        Optional<StoredSeries> s = reminders.find(key);
        return s.map(x -> x.title() == null ? x.key() : x.title()).orElse(key);
    }
}
