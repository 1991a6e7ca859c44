package org.unionbot.core.calendar;

import org.unionbot.core.notify.Notifier;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskKey;

/**
 * The calendar's daily round, run by the clustered scheduler: schedule the sends now within the horizon
 * (a new year's occurrences, a newly published holiday file), send today's personal advance reminders,
 * and resume deliveries a crashed instance left claimed. Every step is idempotent.
 */
public final class ReminderHorizon implements ScheduledTask {
    public static final TaskKey KEY = new TaskKey("reminder-horizon", "daily");

    private final ReminderService reminders;
    private final Notifier notifier;

    public ReminderHorizon(ReminderService reminders, Notifier notifier) {
        this.reminders = reminders;
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KEY.kind();
    }

    @Override
    public void run(String id, java.time.Instant scheduledFor) {
        try {
            notifier.resume();
            reminders.scheduleAhead();
            reminders.sendPersonalReminders();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
