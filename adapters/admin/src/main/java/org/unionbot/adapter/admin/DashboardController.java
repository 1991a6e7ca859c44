package org.unionbot.adapter.admin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unionbot.core.calendar.PlannedSend;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.StoredSeries;
import org.unionbot.core.feedback.CareCaseRepository;
import org.unionbot.core.feedback.SuggestionRepository;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.notify.DeliveryLog;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollRepository;

/**
 * The first page: reminders due today and this week, open polls with turnout, new suggestions and open
 * care cases (counts; cases for the chair only), and the delivery of recent reminders. Each block
 * appears only when its feature is wired (its port is a bean), so the page never shows an empty promise.
 */
@Controller
public class DashboardController {
    public static final String PATH = "/admin/dashboard";

    private final MemberRepository members;
    private final ObjectProvider<ReminderService> reminders;
    private final ObjectProvider<PollRepository> polls;
    private final ObjectProvider<SuggestionRepository> suggestions;
    private final ObjectProvider<CareCaseRepository> cases;
    private final ObjectProvider<DeliveryLog> deliveries;
    private final Clock clock;

    public DashboardController(MemberRepository members, ObjectProvider<ReminderService> reminders,
            ObjectProvider<PollRepository> polls, ObjectProvider<SuggestionRepository> suggestions,
            ObjectProvider<CareCaseRepository> cases, ObjectProvider<DeliveryLog> deliveries,
            ObjectProvider<Clock> clock) {
        this.members = members;
        this.reminders = reminders;
        this.polls = polls;
        this.suggestions = suggestions;
        this.cases = cases;
        this.deliveries = deliveries;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public record Reminder(LocalDateTime at, String title, String kind) {}

    public record PollTurnout(long id, String title, int voted, int electorate) {
        public int percent() {
            return electorate == 0 ? 0 : (int) Math.round(100.0 * voted / electorate);
        }
    }

    @GetMapping(PATH)
    public String dashboard(@AuthenticationPrincipal ConsoleUser user, Model model) {
        long total = members.count();
        Set<Long> bound = new HashSet<>();
        for (Platform p : Platform.values()) {
            members.identitiesOn(p).forEach(i -> bound.add(i.memberId()));
        }
        model.addAttribute("memberCount", total);
        model.addAttribute("boundCount", bound.size());

        ReminderService reminderService = reminders.getIfUnique();
        if (reminderService != null) {
            LocalDate today = reminderService.today();
            LocalDate weekEnd = today.with(DayOfWeek.SUNDAY);
            List<Reminder> week = upcoming(reminderService, today, weekEnd);
            model.addAttribute("remindersToday", week.stream().filter(r -> r.at().toLocalDate().equals(today)).toList());
            model.addAttribute("remindersWeek", week);
            model.addAttribute("pendingSeries", reminderService.pending().size());
        }
        PollRepository pollRepository = polls.getIfUnique();
        if (pollRepository != null) {
            List<PollTurnout> open = pollRepository.recent(100).stream().filter(Poll::isOpen)
                    .map(p -> new PollTurnout(p.id(), p.title(), pollRepository.voters(p.id()).size(),
                            pollRepository.electorate(p.id()).size()))
                    .toList();
            model.addAttribute("openPolls", open);
            model.addAttribute("turnoutChart", SvgChart.bars(ConsoleTexts.get("dashboard.turnout.title"), open.stream()
                    .map(p -> new SvgChart.Bar(p.title(), List.of(
                            new SvgChart.Segment(ConsoleTexts.get("dashboard.turnout.voted"), p.percent(), "ok"))))
                    .toList(), 100, "%"));
        }
        SuggestionRepository suggestionRepository = suggestions.getIfUnique();
        if (suggestionRepository != null) {
            model.addAttribute("newSuggestions",
                    suggestionRepository.findByStatus(EnumSet.of(SuggestionStatus.RECEIVED)).size());
        }
        CareCaseRepository careCases = cases.getIfUnique();
        if (careCases != null && user.role() == ConsoleRole.CHAIR) {
            model.addAttribute("openCases", careCases.findOpen().size());
        }
        DeliveryLog log = deliveries.getIfUnique();
        if (log != null) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            for (String source : log.recentSources(8)) {
                DeliveryReport r = log.report(source);
                // The committee knows reminders by title and date, not by the delivery log's source key.
                String label = reminderService == null ? source : ReminderLabels.label(source, reminderService);
                bars.add(new SvgChart.Bar(label, List.of(
                        new SvgChart.Segment(ConsoleTexts.get("delivery.sent"), r.sent(), "ok"),
                        new SvgChart.Segment(ConsoleTexts.get("delivery.failed"), r.failed(), "bad"),
                        new SvgChart.Segment(ConsoleTexts.get("delivery.unreachable"), r.unreachable(), "rest"),
                        new SvgChart.Segment(ConsoleTexts.get("delivery.pending"), r.pending(), "wait"))));
            }
            model.addAttribute("deliveryChart", bars.isEmpty() ? null
                    : SvgChart.bars(ConsoleTexts.get("dashboard.delivery.title"), bars, 0,
                            ConsoleTexts.get("delivery.unit")));
        }
        return "admin/dashboard";
    }

    private List<Reminder> upcoming(ReminderService service, LocalDate from, LocalDate to) {
        List<Reminder> out = new ArrayList<>();
        for (StoredSeries series : service.all()) {
            if (series.status() != SeriesStatus.APPROVED) {
                continue;
            }
            try {
                for (PlannedSend send : service.schedule().sends(series.item(), from.atStartOfDay(),
                        to.plusDays(1).atStartOfDay())) {
                    out.add(new Reminder(send.sendAt(), series.title() == null ? series.key() : series.title(),
                            ReminderLabels.kind(send)));
                }
            } catch (RuntimeException e) {
                // A series that no longer reads is reported on the plan page; the dashboard goes on.
            }
        }
        out.sort(Comparator.comparing(Reminder::at));
        return out;
    }

    ZoneId zone() {
        return clock.getZone();
    }
}
