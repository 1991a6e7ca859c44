package org.unionbot.core.calendar;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.notify.DeliveryLog;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.notify.DeliveryStatus;
import org.unionbot.core.notify.Notice;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * The plan's life: import (each item a PENDING series), preview, approval by the chair, scheduling of
 * each send as a durable task, and firing. A send that fires late (the service was down) goes out only
 * while it is still useful — within {@code maxLateness} and not after the event day — otherwise it is
 * recorded as skipped; a send that would land in quiet hours waits for their end unless urgent.
 */
public final class ReminderService implements ScheduledTask {
    public static final String KIND = "reminder";
    /** How far ahead sends are scheduled; the daily horizon task extends it. */
    static final Duration HORIZON = Duration.ofDays(400);
    private static final System.Logger LOG = System.getLogger(ReminderService.class.getName());

    private final SeriesRepository series;
    private final SubscriptionRepository subscriptions;
    private final Notifier notifier;
    private final DeliveryLog deliveries;
    private final TaskScheduler scheduler;
    private final PlanSchedule schedule;
    private final Messages messages;
    private final Clock clock;
    private final Duration maxLateness;

    public ReminderService(SeriesRepository series, SubscriptionRepository subscriptions, Notifier notifier,
                           DeliveryLog deliveries, TaskScheduler scheduler, PlanSchedule schedule, Messages messages,
                           Clock clock, Duration maxLateness) {
        this.series = series;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.messages = messages;
        this.clock = clock;
        this.maxLateness = maxLateness;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public PlanSchedule schedule() {
        return schedule;
    }

    /** Stores every valid item as a series (new or changed ones PENDING); returns the stored series. */
    public List<StoredSeries> importPlan(PlanImport plan) {
        List<StoredSeries> stored = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            stored.add(series.save(item.key(), item.title(), PlanReader.toYaml(item), clock.instant()));
        }
        return stored;
    }

    /**
     * The outcome of loading a plan while the service runs: the rows that could not be read, the series
     * now waiting for approval (new or changed), those unchanged (they keep their approval), and the
     * 12-month preview of the plan's items.
     */
    public record PlanLoad(List<PlanRowError> errors, List<StoredSeries> waiting, List<StoredSeries> unchanged,
                           List<PreviewLine> preview) {}

    /**
     * Loads a plan at run time (a committee command or the API): every valid row becomes a series; new
     * or changed ones wait for approval and send nothing until then; bad rows are reported, not fatal.
     */
    public PlanLoad loadPlan(PlanImport plan) {
        List<StoredSeries> waiting = new ArrayList<>();
        List<StoredSeries> unchanged = new ArrayList<>();
        for (StoredSeries s : importPlan(plan)) {
            (s.status() == SeriesStatus.PENDING ? waiting : unchanged).add(s);
        }
        return new PlanLoad(plan.errors(), waiting, unchanged, preview(plan.items(), 12));
    }

    /** Pauses an approved series: its sends stop until it is approved again. Empty if no such series. */
    public Optional<Boolean> pause(String key) {
        if (series.find(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(series.pause(key, clock.instant()));
    }

    /** One computed send of the preview, or an item whose dates cannot be computed (with the reason). */
    public record PreviewLine(PlanItem item, PlannedSend send, String problem, boolean estimated) {
        public PreviewLine(PlanItem item, PlannedSend send, String problem) {
            this(item, send, problem, false);
        }
    }

    /** Every send of the items in the next {@code months} months, in time order. */
    public List<PreviewLine> preview(List<PlanItem> items, int months) {
        LocalDateTime from = LocalDateTime.now(clock);
        LocalDateTime to = from.plusMonths(months);
        List<PreviewLine> lines = new ArrayList<>();
        for (PlanItem item : items) {
            try {
                for (PlannedSend s : schedule.sends(item, from, to)) {
                    lines.add(new PreviewLine(item, s, null));
                }
            } catch (HolidayCalendar.MissingHolidayData e) {
                // The sends before the unknown year are exact; list them, then the rest as estimated from
                // the statutory rule set, flagged (they are scheduled only once the year's notice is added).
                LocalDateTime start = LocalDate.of(e.year(), 1, 1).atStartOfDay();
                LocalDateTime end = start.minusSeconds(1);
                try {
                    if (end.isAfter(from)) {
                        for (PlannedSend s : schedule.sends(item, from, end)) {
                            lines.add(new PreviewLine(item, s, null));
                        }
                    }
                } catch (HolidayCalendar.MissingHolidayData again) {
                    // nothing exact at all: everything below is estimated
                    start = from;
                }
                try {
                    for (PlannedSend s : schedule.estimating().sends(item, start.isAfter(from) ? start : from, to)) {
                        lines.add(new PreviewLine(item, s, null, true));
                    }
                } catch (HolidayCalendar.MissingHolidayData beyond) {
                    lines.add(new PreviewLine(item, null,
                            messages.get("plan.preview.noHolidays", String.valueOf(beyond.year()))));
                }
            }
        }
        lines.sort(Comparator.comparing(l -> l.send() == null ? LocalDateTime.MAX : l.send().sendAt()));
        return lines;
    }

    public List<StoredSeries> pending() {
        return series.all().stream().filter(s -> s.status() == SeriesStatus.PENDING).toList();
    }

    public List<StoredSeries> all() {
        return series.all();
    }

    public Optional<StoredSeries> find(String key) {
        return series.find(key);
    }

    /** Approves the series and schedules its sends; the number of sends scheduled, or empty if no such series. */
    public Optional<Integer> approve(String key, Member approver) {
        if (!series.approve(key, approver.id(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(scheduleAhead(series.find(key).orElseThrow()));
    }

    /** Schedules the not-yet-scheduled future sends of every approved series; the daily horizon task calls it. */
    public int scheduleAhead() {
        int n = 0;
        for (StoredSeries s : series.all()) {
            if (s.status() == SeriesStatus.APPROVED) {
                n += scheduleAhead(s);
            }
        }
        return n;
    }

    private int scheduleAhead(StoredSeries stored) {
        PlanItem item = stored.item();
        LocalDateTime now = LocalDateTime.now(clock);
        List<PlannedSend> sends;
        try {
            sends = schedule.sends(item, now, now.plus(HORIZON));
        } catch (HolidayCalendar.MissingHolidayData e) {
            // Schedule what is computable up to the unknown year; the rest waits for next year's file.
            LocalDateTime end = LocalDate.of(e.year(), 1, 1).atStartOfDay().minusSeconds(1);
            try {
                sends = end.isAfter(now) ? schedule.sends(item, now, end) : List.of();
            } catch (HolidayCalendar.MissingHolidayData again) {
                sends = List.of();
            }
            LOG.log(Level.WARNING, "series {0}: holiday schedule for {1} missing; later sends wait for it",
                    stored.key(), e.year());
        }
        int n = 0;
        for (PlannedSend s : sends) {
            TaskKey key = new TaskKey(KIND, s.taskId());
            if (!scheduler.isScheduled(key)) {
                scheduler.scheduleOnce(key, s.sendAt().atZone(zone()).toInstant());
                n++;
            }
        }
        return n;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Fires one send: {@code id} is a {@link PlannedSend#taskId()}, possibly deferred past quiet hours ("~"). */
    @Override
    public void run(String id, Instant scheduledFor) {
        String taskId = id.endsWith("~") ? id.substring(0, id.length() - 1) : id;
        PlannedSend send = PlannedSend.parseTaskId(taskId, LocalDateTime.ofInstant(scheduledFor, zone()));
        Optional<StoredSeries> stored = series.find(send.seriesKey());
        if (stored.isEmpty() || stored.get().status() != SeriesStatus.APPROVED) {
            return; // withdrawn or changed since: the new approval schedules afresh
        }
        PlanItem item = stored.get().item();
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, zone());
        boolean tooLate = Duration.between(scheduledFor, now).compareTo(maxLateness) > 0
                || (send.kind() != PlannedSend.Kind.FOLLOW_UP && local.toLocalDate().isAfter(send.eventDate()));
        if (tooLate) {
            deliveries.saveNotice(taskId, text(item, send), item.urgent(), now);
            deliveries.record(taskId, 0, "-", DeliveryStatus.SKIPPED, "late", now);
            LOG.log(Level.INFO, "reminder {0} fired too late; recorded as skipped", taskId);
            return;
        }
        if (!item.urgent() && schedule.quietHours().contains(local.toLocalTime())) {
            LocalDateTime at = schedule.quietHours().nextAllowed(local);
            scheduler.scheduleOnce(new TaskKey(KIND, taskId + "~"), at.atZone(zone()).toInstant());
            return;
        }
        try {
            notifier.send(new Notice(taskId, item.audience(), send.eventDate(), text(item, send), item.urgent(),
                    item.channel(), subscriptions.optedOut(item.key())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends the personal advance reminders ("提前三天提醒我") due today; a lead set for {@code *} applies to
     * every approved series the member has no own lead for. The daily horizon task calls it.
     */
    public int sendPersonalReminders() throws InterruptedException {
        LocalDate today = today();
        Map<String, Map<Long, Integer>> leads = personalLeads();
        Map<Long, Integer> forAll = leads.getOrDefault(SubscriptionRepository.ALL, Map.of());
        int n = 0;
        for (StoredSeries stored : series.all()) {
            if (stored.status() != SeriesStatus.APPROVED) {
                continue;
            }
            PlanItem item = stored.item();
            Map<Long, Integer> own = leads.getOrDefault(item.key(), Map.of());
            Map<Long, Integer> effective = new java.util.HashMap<>(forAll);
            effective.putAll(own);
            Set<Long> optedOut = subscriptions.optedOut(item.key());
            for (Map.Entry<Long, Integer> lead : effective.entrySet()) {
                LocalDate event = today.plusDays(lead.getValue());
                if (optedOut.contains(lead.getKey())) {
                    continue;
                }
                List<LocalDate> due;
                try {
                    due = item.rule().between(event, event, schedule.context());
                } catch (HolidayCalendar.MissingHolidayData e) {
                    continue;
                }
                if (!due.isEmpty()) {
                    String key = "p|" + item.key() + "|" + event + "|" + lead.getKey();
                    PlannedSend s = new PlannedSend(item.key(), event, PlannedSend.Kind.ADVANCE, lead.getValue(),
                            today.atTime(item.time()));
                    notifier.send(new Notice(key, List.of(new org.unionbot.core.notify.Audience.Members(
                            Set.of(lead.getKey()))), event, text(item, s), false, item.channel(), Set.of()));
                    n++;
                }
            }
        }
        return n;
    }

    private Map<String, Map<Long, Integer>> personalLeads() {
        return subscriptions.personalLeads();
    }

    public DeliveryReport report(String sourceKey) {
        return deliveries.report(sourceKey);
    }

    public List<String> recentReminders(int limit) {
        return deliveries.recentSources(limit);
    }

    /** The reminder's text in the member's language: what, when (date and weekday), where, who to ask. */
    String text(PlanItem item, PlannedSend send) {
        String date = CalendarTexts.dateWithWeekday(send.eventDate());
        String kind = switch (send.kind()) {
            case ADVANCE -> messages.get("reminder.advance", String.valueOf(send.days()));
            case DAY_OF -> messages.get("reminder.dayOf");
            case FOLLOW_UP -> messages.get("reminder.followUp");
        };
        StringBuilder text = new StringBuilder(messages.get("reminder.text", kind, item.title(), date,
                item.time().toString()));
        if (item.place() != null) {
            text.append(messages.get("reminder.place", item.place()));
        }
        if (item.owner() != null) {
            text.append(messages.get("reminder.owner", item.owner()));
        }
        if (item.note() != null) {
            text.append('\n').append(item.note());
        }
        return text.toString();
    }
}
