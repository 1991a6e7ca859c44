package org.unionbot.adapter.admin.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.adapter.admin.ReminderLabels;
import org.unionbot.adapter.admin.SvgChart;
import org.unionbot.core.calendar.CalendarCommands;
import org.unionbot.core.calendar.CalendarTexts;
import org.unionbot.core.calendar.PlanImport;
import org.unionbot.core.calendar.PlanReader;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.StoredSeries;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.notify.Notifier;

/**
 * The plan and calendar: every series with its state, the 12-month preview with the dates the lunar
 * and holiday calendars compute (estimated ones flagged 估算 for years without the State Council's
 * notice), approve or pause a series, upload a plan (.yaml / .xlsx) with its per-row report, and the
 * delivery report of each recent reminder with a resend of its failed deliveries.
 *
 * <p>Who may approve, pause and load the plan is decided exactly as for the chat's 审批提醒
 * ({@link CalendarCommands#mayApprove}: the chair, or a committee member tagged 审批提醒); other
 * committee members see the page and the reports. Resends go through the core's {@link Notifier}, which
 * re-claims the failed rows in the delivery log, so no member is reached twice.
 */
@Controller
public class PlanController {
    public static final String PATH = "/admin/plan";
    static final long MAX_UPLOAD = 2L * 1024 * 1024;
    static final int REPORTS = 20;

    private final ReminderService reminders;
    private final Notifier notifier;
    private final MemberRepository members;
    private final ConsoleAudit audit;

    public PlanController(ReminderService reminders, Notifier notifier, MemberRepository members, ConsoleAudit audit) {
        this.reminders = reminders;
        this.notifier = notifier;
        this.members = members;
        this.audit = audit;
    }

    /** A series as listed: its state in Chinese and, when it no longer reads, why. */
    public record SeriesRow(StoredSeries series, String rule, String state, boolean approved) {}

    /** One line of the preview. */
    public record PreviewRow(String when, String event, String title, String kind, boolean estimated,
            boolean pending, String problem) {}

    /** One reminder's delivery report. */
    public record ReportRow(String source, String label, DeliveryReport report) {}

    @GetMapping(PATH)
    public String page(@AuthenticationPrincipal ConsoleUser user, Model model) {
        List<StoredSeries> all = reminders.all();
        List<SeriesRow> series = new ArrayList<>();
        for (StoredSeries s : all) {
            String rule;
            try {
                rule = s.item().ruleText();
            } catch (RuntimeException unreadable) {
                rule = ConsoleTexts.get("plan.series.unreadable");
            }
            series.add(new SeriesRow(s, rule, switch (s.status()) {
                case PENDING -> ConsoleTexts.get("plan.series.pending");
                case APPROVED -> ConsoleTexts.get("plan.series.approved");
                default -> ConsoleTexts.get("plan.series.paused");
            }, s.status() == SeriesStatus.APPROVED));
        }
        model.addAttribute("series", series);
        model.addAttribute("preview", preview(all, readable(all)));
        model.addAttribute("mayApprove", mayApprove(user));
        List<ReportRow> reports = new ArrayList<>();
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (String source : reminders.recentReminders(REPORTS)) {
            DeliveryReport r = reminders.report(source);
            String label = ReminderLabels.label(source, reminders);
            reports.add(new ReportRow(source, label, r));
            bars.add(new SvgChart.Bar(label, List.of(
                    new SvgChart.Segment(ConsoleTexts.get("delivery.sent"), r.sent(), "ok"),
                    new SvgChart.Segment(ConsoleTexts.get("delivery.failed"), r.failed(), "bad"),
                    new SvgChart.Segment(ConsoleTexts.get("delivery.unreachable"), r.unreachable(), "rest"),
                    new SvgChart.Segment(ConsoleTexts.get("delivery.skipped"), r.skipped(), "rest"),
                    new SvgChart.Segment(ConsoleTexts.get("delivery.pending"), r.pending(), "wait"))));
        }
        model.addAttribute("reports", reports);
        model.addAttribute("reportChart", bars.isEmpty() ? null
                : SvgChart.bars(ConsoleTexts.get("plan.delivery.title"), bars, 0, ConsoleTexts.get("delivery.unit")));
        return "admin/plan/plan";
    }

    private static List<org.unionbot.core.calendar.PlanItem> readable(List<StoredSeries> all) {
        List<org.unionbot.core.calendar.PlanItem> items = new ArrayList<>();
        for (StoredSeries s : all) {
            try {
                items.add(s.item());
            } catch (RuntimeException unreadable) {
                // listed above as unreadable; the preview goes on with the rest
            }
        }
        return items;
    }

    private List<PreviewRow> preview(List<StoredSeries> all, List<org.unionbot.core.calendar.PlanItem> items) {
        List<PreviewRow> rows = new ArrayList<>();
        for (ReminderService.PreviewLine l : reminders.preview(items, 12)) {
            boolean pending = all.stream().anyMatch(s -> s.key().equals(l.item().key())
                    && s.status() != SeriesStatus.APPROVED);
            if (l.send() == null) {
                rows.add(new PreviewRow("—", "—", l.item().title(), "", false, pending, l.problem()));
                continue;
            }
            rows.add(new PreviewRow(CalendarTexts.dateWithWeekday(l.send().sendAt().toLocalDate()) + " "
                    + l.send().sendAt().toLocalTime(), ConsoleTexts.get("plan.preview.event",
                            CalendarTexts.dateWithWeekday(l.send().eventDate()), l.item().ruleText()),
                    l.item().title(), ReminderLabels.kind(l.send()), l.estimated(), pending, null));
        }
        return rows;
    }

    @PostMapping(PATH + "/approve")
    public String approve(@AuthenticationPrincipal ConsoleUser user, @RequestParam String key,
            RedirectAttributes redirect) {
        if (!mayApprove(user)) {
            return refuse(redirect);
        }
        Optional<StoredSeries> s = reminders.find(key);
        if (s.isEmpty()) {
            redirect.addFlashAttribute("error", ConsoleTexts.get("plan.series.notFound", key));
            return "redirect:" + PATH;
        }
        Member me = me(user);
        Optional<Integer> scheduled = audit.change("plan.approve", key,
                n -> ConsoleTexts.get("plan.approve.audit", n.orElse(0)),
                () -> reminders.approve(key, me));
        redirect.addFlashAttribute("notice",
                ConsoleTexts.get("plan.approve.done", s.get().title(), scheduled.orElse(0)));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/pause")
    public String pause(@AuthenticationPrincipal ConsoleUser user, @RequestParam String key, RedirectAttributes redirect) {
        if (!mayApprove(user)) {
            return refuse(redirect);
        }
        Optional<Boolean> paused = audit.change("plan.pause", key, ConsoleTexts.get("plan.pause.audit"),
                () -> reminders.pause(key));
        redirect.addFlashAttribute(paused.orElse(false) ? "notice" : "error", paused.isEmpty()
                ? ConsoleTexts.get("plan.series.notFound", key)
                : ConsoleTexts.get(paused.get() ? "plan.pause.done" : "plan.pause.notApproved", key));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/upload")
    public String upload(@AuthenticationPrincipal ConsoleUser user, @RequestParam("file") MultipartFile file,
            Model model, RedirectAttributes redirect) {
        if (!mayApprove(user)) {
            return refuse(redirect);
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = filename.toLowerCase(Locale.ROOT);
        String problem = null;
        if (file.isEmpty()) {
            problem = ConsoleTexts.get("plan.upload.missing");
        } else if (file.getSize() > MAX_UPLOAD) {
            problem = ConsoleTexts.get("plan.upload.tooLarge");
        } else if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".xlsx"))) {
            problem = ConsoleTexts.get("plan.upload.type");
        }
        PlanImport plan = null;
        if (problem == null) {
            try {
                plan = lower.endsWith(".xlsx") ? PlanReader.excel(file.getInputStream())
                        : PlanReader.yaml(new String(file.getBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException unreadable) {
                problem = ConsoleTexts.get("plan.upload.unreadable");
            }
        }
        if (problem != null) {
            model.addAttribute("uploadError", problem);
            return page(user, model);
        }
        PlanImport loaded = plan;
        ReminderService.PlanLoad load = audit.change("plan.upload", filename,
                l -> ConsoleTexts.get("plan.upload.audit", l.waiting().size(), l.unchanged().size(), l.errors().size()),
                () -> reminders.loadPlan(loaded));
        model.addAttribute("load", load);
        model.addAttribute("uploadName", filename);
        return page(user, model);
    }

    @PostMapping(PATH + "/resend")
    public String resend(@AuthenticationPrincipal ConsoleUser user, @RequestParam String source,
            RedirectAttributes redirect) {
        if (!reminders.recentReminders(1000).contains(source)) {
            redirect.addFlashAttribute("error", ConsoleTexts.get("plan.resend.noRecord"));
            return "redirect:" + PATH + "#reports";
        }
        // Not inside ConsoleAudit.change's transaction: the notifier's sender threads mark the rows on
        // their own connections, and would wait for the row locks of an open re-claim forever. The
        // re-claim commits by itself (one UPDATE), the sends follow, then the audit entry.
        int n;
        try {
            n = notifier.resendFailed(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            redirect.addFlashAttribute("error", ConsoleTexts.get("plan.resend.interrupted"));
            return "redirect:" + PATH + "#reports";
        }
        DeliveryReport after = reminders.report(source);
        audit.record(user.getUsername(), "plan.resend", source,
                ConsoleTexts.get("plan.resend.audit", n, after.sent(), after.failed()));
        redirect.addFlashAttribute("notice", n == 0 ? ConsoleTexts.get("plan.resend.nothing")
                : ConsoleTexts.get("plan.resend.done", n, after.sent(), after.failed()));
        return "redirect:" + PATH + "#reports";
    }

    private boolean mayApprove(ConsoleUser user) {
        return members.findById(user.memberId()).map(CalendarCommands::mayApprove).orElse(false);
    }

    private Member me(ConsoleUser user) {
        return members.findById(user.memberId()).orElseThrow();
    }

    private static String refuse(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", ConsoleTexts.get("plan.refused"));
        return "redirect:" + PATH;
    }
}
