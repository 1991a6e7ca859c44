package org.unionbot.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The sends a plan item makes for its occurrences in a range, quiet hours applied. */
public final class PlanSchedule {
    private final CalendarContext context;
    private final QuietHours quietHours;

    public PlanSchedule(CalendarContext context, QuietHours quietHours) {
        this.context = context;
        this.quietHours = quietHours;
    }

    public CalendarContext context() {
        return context;
    }

    public QuietHours quietHours() {
        return quietHours;
    }

    /** The same schedule over {@link HolidayCalendar#estimating()}: for previews, which flag estimated years. */
    public PlanSchedule estimating() {
        return new PlanSchedule(new CalendarContext(context.holidays().estimating(), context.terms()), quietHours);
    }

    /**
     * The sends whose send time is from {@code from} to {@code to}. Throws
     * {@link HolidayCalendar.MissingHolidayData} when a working-day rule reaches an unpublished year.
     */
    public List<PlannedSend> sends(PlanItem item, LocalDateTime from, LocalDateTime to) {
        int maxLead = item.leadDays().stream().mapToInt(Integer::intValue).max().orElse(0);
        int follow = item.followUpDays() == null ? 0 : item.followUpDays();
        List<PlannedSend> out = new ArrayList<>();
        List<LocalDate> events = new ArrayList<>(item.rule().between(from.toLocalDate().minusDays(follow + 1L),
                to.toLocalDate(), context));
        try {
            // Events just after the range whose advance notices fall inside it.
            events.addAll(item.rule().between(to.toLocalDate().plusDays(1), to.toLocalDate().plusDays(maxLead + 1L),
                    context));
        } catch (HolidayCalendar.MissingHolidayData e) {
            if (e.year() <= to.getYear()) {
                throw e;
            }
        }
        for (LocalDate event : events) {
            for (int lead : item.leadDays()) {
                add(out, item, event, PlannedSend.Kind.ADVANCE, lead, event.minusDays(lead), from, to);
            }
            if (item.dayOf()) {
                add(out, item, event, PlannedSend.Kind.DAY_OF, 0, event, from, to);
            }
            if (item.followUpDays() != null) {
                add(out, item, event, PlannedSend.Kind.FOLLOW_UP, follow, event.plusDays(follow), from, to);
            }
        }
        out.sort(Comparator.comparing(PlannedSend::sendAt));
        return out;
    }

    private void add(List<PlannedSend> out, PlanItem item, LocalDate event, PlannedSend.Kind kind, int days,
                     LocalDate day, LocalDateTime from, LocalDateTime to) {
        LocalDateTime at = day.atTime(item.time());
        if (!item.urgent()) {
            at = quietHours.nextAllowed(at);
        }
        if (!at.isBefore(from) && !at.isAfter(to)) {
            out.add(new PlannedSend(item.key(), event, kind, days, at));
        }
    }
}
