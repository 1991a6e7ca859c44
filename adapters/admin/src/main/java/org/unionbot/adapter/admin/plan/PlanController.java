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
                rule = "（无法读取，请重新导入计划）";
            }
            series.add(new SeriesRow(s, rule, switch (s.status()) {
                case PENDING -> "待审批";
                case APPROVED -> "已批准";
                default -> "已暂停";
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
            bars.add(new SvgChart.Bar(label, List.of(new SvgChart.Segment("已送达", r.sent(), "ok"),
                    new SvgChart.Segment("失败", r.failed(), "bad"),
                    new SvgChart.Segment("无法送达", r.unreachable(), "rest"),
                    new SvgChart.Segment("跳过", r.skipped(), "rest"),
                    new SvgChart.Segment("等待中", r.pending(), "wait"))));
        }
        model.addAttribute("reports", reports);
        model.addAttribute("reportChart", bars.isEmpty() ? null
                : SvgChart.bars("最近提醒的送达情况（已送达 / 失败 / 无法送达 / 跳过 / 等待中）", bars, 0, " 人"));
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
            String kind = switch (l.send().kind()) {
                case ADVANCE -> "提前 " + l.send().days() + " 天";
                case DAY_OF -> "当天";
                case FOLLOW_UP -> "事后 " + l.send().days() + " 天";
            };
            rows.add(new PreviewRow(CalendarTexts.dateWithWeekday(l.send().sendAt().toLocalDate()) + " "
                    + l.send().sendAt().toLocalTime(), CalendarTexts.dateWithWeekday(l.send().eventDate())
                    + "（" + l.item().ruleText() + "）", l.item().title(), kind, l.estimated(), pending, null));
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
            redirect.addFlashAttribute("error", "没有这个提醒系列：" + key);
            return "redirect:" + PATH;
        }
        Member me = me(user);
        Optional<Integer> scheduled = audit.change("plan.approve", key, n -> "安排发送 " + n.orElse(0) + " 次",
                () -> reminders.approve(key, me));
        redirect.addFlashAttribute("notice", "已批准「" + s.get().title() + "」，安排了 " + scheduled.orElse(0)
                + " 次发送。");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/pause")
    public String pause(@AuthenticationPrincipal ConsoleUser user, @RequestParam String key, RedirectAttributes redirect) {
        if (!mayApprove(user)) {
            return refuse(redirect);
        }
        Optional<Boolean> paused = audit.change("plan.pause", key, "暂停", () -> reminders.pause(key));
        redirect.addFlashAttribute(paused.orElse(false) ? "notice" : "error", paused.isEmpty()
                ? "没有这个提醒系列：" + key
                : paused.get() ? "已暂停「" + key + "」，重新批准前不会发送。" : "「" + key + "」没有处于已批准状态，无需暂停。");
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
            problem = "请选择计划文件（.yaml 或 .xlsx）。";
        } else if (file.getSize() > MAX_UPLOAD) {
            problem = "文件超过 2 MB，请检查是否选错了文件。";
        } else if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".xlsx"))) {
            problem = "只支持 .yaml（.yml）和 .xlsx 计划文件。";
        }
        PlanImport plan = null;
        if (problem == null) {
            try {
                plan = lower.endsWith(".xlsx") ? PlanReader.excel(file.getInputStream())
                        : PlanReader.yaml(new String(file.getBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException unreadable) {
                problem = "文件无法读取，请确认它是计划模板格式的 .yaml 或 .xlsx 文件。";
            }
        }
        if (problem != null) {
            model.addAttribute("uploadError", problem);
            return page(user, model);
        }
        PlanImport loaded = plan;
        ReminderService.PlanLoad load = audit.change("plan.upload", filename,
                l -> "待审批 " + l.waiting().size() + "，未变 " + l.unchanged().size() + "，有问题的行 " + l.errors().size(),
                () -> reminders.loadPlan(loaded));
        model.addAttribute("load", load);
        model.addAttribute("uploadName", filename);
        return page(user, model);
    }

    @PostMapping(PATH + "/resend")
    public String resend(@AuthenticationPrincipal ConsoleUser user, @RequestParam String source,
            RedirectAttributes redirect) {
        if (!reminders.recentReminders(1000).contains(source)) {
            redirect.addFlashAttribute("error", "没有这条提醒的送达记录。");
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
            redirect.addFlashAttribute("error", "重发被中断，请稍后再试。");
            return "redirect:" + PATH + "#reports";
        }
        DeliveryReport after = reminders.report(source);
        audit.record(user.getUsername(), "plan.resend", source, "重发失败 " + n + " 人，现已送达 " + after.sent()
                + "，仍失败 " + after.failed());
        redirect.addFlashAttribute("notice", n == 0 ? "这条提醒没有失败的送达，无需重发。"
                : "已重发 " + n + " 人：现在已送达 " + after.sent() + "，仍失败 " + after.failed() + "。");
        return "redirect:" + PATH + "#reports";
    }

    private boolean mayApprove(ConsoleUser user) {
        return members.findById(user.memberId()).map(CalendarCommands::mayApprove).orElse(false);
    }

    private Member me(ConsoleUser user) {
        return members.findById(user.memberId()).orElseThrow();
    }

    private static String refuse(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "只有工会主席或有「审批提醒」权限的委员可以审批、暂停或导入计划。");
        return "redirect:" + PATH;
    }
}
