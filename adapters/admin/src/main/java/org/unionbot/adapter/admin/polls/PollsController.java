package org.unionbot.adapter.admin.polls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.adapter.admin.SvgChart;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollAnnouncer;
import org.unionbot.core.poll.PollChannelRepository;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollExport;
import org.unionbot.core.poll.PollForm;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollResult;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Rules;
import org.unionbot.core.poll.Visibility;

/**
 * Polls in the console: the list with turnout, creation with a preview before opening (the same choices
 * as the chat), edits until the first vote (creator or chair, as in chat), turnout (names of non-voters
 * only for named polls), a private reminder to the non-voters, close, the result as a chart with the rule stated, and the CSV / .xlsx export
 * of a closed poll. Every change goes through {@link ConsoleAudit}; the rules themselves are the core's
 * {@link PollService}, so a vote in chat and a close in the console meet the same checks.
 */
@Controller
public class PollsController {
    public static final String PATH = "/admin/polls";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PollService service;
    private final PollExport export;
    private final MemberRepository members;
    private final ObjectProvider<PollAnnouncer> announcer;
    private final ObjectProvider<PollChannelRepository> channels;
    private final ConsoleAudit audit;

    public PollsController(PollService service, PollExport export, MemberRepository members,
            ObjectProvider<PollAnnouncer> announcer, ObjectProvider<PollChannelRepository> channels, ConsoleAudit audit) {
        this.service = service;
        this.export = export;
        this.members = members;
        this.announcer = announcer;
        this.channels = channels;
        this.audit = audit;
    }

    /** A row of the list. */
    public record Row(Poll poll, int voted, int electorate, String deadline) {
        public int percent() {
            return electorate == 0 ? 0 : (int) Math.round(100.0 * voted / electorate);
        }
    }

    /** One option's line of the result table. */
    public record OptionLine(int number, String label, String value, boolean winner) {}

    @GetMapping(PATH)
    public String list(Model model) {
        List<Row> rows = new ArrayList<>();
        for (Poll p : service.repository().recent(200)) {
            rows.add(new Row(p, service.repository().voters(p.id()).size(),
                    service.repository().electorate(p.id()).size(), service.deadline(p)));
        }
        model.addAttribute("open", rows.stream().filter(r -> r.poll().isOpen()).toList());
        model.addAttribute("closed", rows.stream().filter(r -> !r.poll().isOpen()).toList());
        return "admin/polls/list";
    }

    @GetMapping(PATH + "/new")
    public String newPoll(Model model) {
        PollFormFields form = new PollFormFields();
        form.setDeadline("3天");
        return form(model, form, null);
    }

    /** 预览 shows what will open; 确认发起 opens it, but only the very form that was previewed. */
    @PostMapping(PATH + "/new")
    public String create(@AuthenticationPrincipal ConsoleUser user, @ModelAttribute("form") PollFormFields form,
            @RequestParam(defaultValue = "preview") String action, @RequestParam(defaultValue = "") String previewed,
            Model model, RedirectAttributes redirect) {
        PollDraft draft;
        try {
            draft = form.toDraft(service.clock().instant(), zone());
            checkChannels(form.getChannels());
        } catch (PollFormFields.Invalid wrong) {
            model.addAttribute("error", wrong.getMessage());
            return form(model, form, null);
        }
        // The preview fixes a relative deadline ("3天"), so 确认发起 opens exactly what was shown.
        form.setDeadline(PollFormFields.DEADLINE.withZone(zone()).format(draft.deadline()));
        String token = token(draft, form.getChannels());
        int electorate = draft.electorate().resolve(members).size();
        if (electorate == 0) {
            model.addAttribute("error", ConsoleTexts.get("polls.create.noElectorate"));
            return form(model, form, null);
        }
        if (!action.equals("open") || !token.equals(previewed)) {
            if (action.equals("open")) {
                model.addAttribute("error", ConsoleTexts.get("polls.create.changedSincePreview"));
            }
            model.addAttribute("preview", PollForm.format(draft, zone()));
            model.addAttribute("previewElectorate", electorate);
            model.addAttribute("token", token);
            return form(model, form, null);
        }
        Member creator = me(user);
        Poll poll;
        try {
            poll = audit.change("poll.create", draft.title(), p -> ConsoleTexts.get("polls.create.audit", p.id(),
                    electorate, ConsoleTexts.get(draft.secret() ? "polls.create.secret" : "polls.create.named")),
                    () -> service.open(draft, creator));
        } catch (IllegalArgumentException stale) {
            model.addAttribute("error", ConsoleTexts.get("polls.create.stale"));
            return form(model, form, null);
        }
        int reached = 0;
        PollAnnouncer a = announcer.getIfUnique();
        if (a != null && !form.getChannels().isEmpty()) {
            reached = a.announceOpened(poll, form.getChannels());
        }
        redirect.addFlashAttribute("notice", ConsoleTexts.get("polls.create.done", poll.id())
                + (form.getChannels().isEmpty() ? ""
                        : ConsoleTexts.get("polls.create.announced", reached, form.getChannels().size())));
        return "redirect:" + PATH + "/" + poll.id();
    }

    @GetMapping(PATH + "/{id}")
    public String detail(@PathVariable long id, Model model) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("polls.notFound", id));
            return list(model);
        }
        Poll poll = found.get();
        PollService.Turnout turnout = service.turnout(id);
        PollResult result = service.result(id);
        PollDraft spec = poll.spec();
        model.addAttribute("poll", poll);
        model.addAttribute("spec", PollForm.format(spec, zone()));
        model.addAttribute("turnout", turnout);
        model.addAttribute("turnoutPercent", turnout.electorate() == 0 ? 0
                : Math.round(100.0 * turnout.voted() / turnout.electorate()));
        model.addAttribute("editable", poll.isOpen() && turnout.voted() == 0);
        model.addAttribute("nudgeable", poll.isOpen() && turnout.voted() < turnout.electorate());
        model.addAttribute("nudgeMinutes", PollService.NUDGE_INTERVAL.toMinutes());
        model.addAttribute("channels", channelsOf(id));
        model.addAttribute("visibility", visibilityText(spec.visibility()));
        List<OptionLine> lines = new ArrayList<>();
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int option : result.optionNumbers()) {
            String label = spec.options().get(option - 1);
            boolean winner = !poll.isOpen() && result.winners().contains(option);
            if (spec.kind() == PollKind.RATING) {
                double avg = result.averages()[option - 1];
                lines.add(new OptionLine(option, label, String.format("%.2f / %d", avg, spec.scaleMax()), winner));
                bars.add(new SvgChart.Bar(option + ". " + label, List.of(new SvgChart.Segment(ConsoleTexts.get("polls.chart.averageShare"),
                        (int) Math.round(100 * avg / spec.scaleMax()), winner ? "ok" : "wait"))));
            } else {
                lines.add(new OptionLine(option, label, String.valueOf(result.count(option)), winner));
                bars.add(new SvgChart.Bar(option + ". " + label, List.of(new SvgChart.Segment(ConsoleTexts.get("polls.chart.votes"),
                        (int) result.count(option), winner ? "ok" : "wait"))));
            }
        }
        model.addAttribute("lines", lines);
        model.addAttribute("resultChart", spec.kind() == PollKind.RATING
                ? SvgChart.bars(ConsoleTexts.get("polls.chart.averageTitle", poll.title()), bars, 100, "%")
                : SvgChart.bars(ConsoleTexts.get("polls.chart.votesTitle", poll.title()), bars,
                        Math.max(1, result.voted()), ConsoleTexts.get("polls.chart.votesUnit")));
        model.addAttribute("turnoutChart", SvgChart.bars(ConsoleTexts.get("polls.turnout.title"),
                List.of(new SvgChart.Bar(ConsoleTexts.get("polls.turnout.bar"),
                        List.of(new SvgChart.Segment(ConsoleTexts.get("polls.turnout.voted"), turnout.voted(), "ok"),
                                new SvgChart.Segment(ConsoleTexts.get("polls.turnout.notVoted"),
                                        turnout.electorate() - turnout.voted(), "rest")))),
                Math.max(1, turnout.electorate()), ConsoleTexts.get("polls.turnout.unit")));
        model.addAttribute("rules", rules(spec, result));
        model.addAttribute("outcome", poll.isOpen() ? ConsoleTexts.get("polls.outcome.open")
                : service.renderResult(result).lines().reduce((a, b) -> b).orElse(""));
        return "admin/polls/detail";
    }

    @GetMapping(PATH + "/{id}/edit")
    public String edit(@PathVariable long id, Model model) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("polls.notFound", id));
            return list(model);
        }
        return form(model, PollFormFields.of(found.get().spec(), channelsOf(id), zone()), found.get());
    }

    @PostMapping(PATH + "/{id}/edit")
    public String saveEdit(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            @ModelAttribute("form") PollFormFields form, Model model, RedirectAttributes redirect) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("polls.notFound", id));
            return list(model);
        }
        Poll poll = found.get();
        Member editor = me(user);
        String refusal = null;
        if (poll.createdBy() != editor.id() && !editor.has(UnionRole.CHAIR)) {
            refusal = ConsoleTexts.get("polls.edit.notAllowed");
        } else if (!poll.isOpen()) {
            refusal = ConsoleTexts.get("polls.edit.closed");
        } else if (!service.repository().voters(id).isEmpty()) {
            refusal = ConsoleTexts.get("polls.edit.voted");
        }
        if (refusal != null) {
            redirect.addFlashAttribute("error", refusal);
            return "redirect:" + PATH + "/" + id;
        }
        // Who votes and whether it is secret were announced at opening: fixed, as in chat.
        form.setElectorateType(poll.spec().electorate().type());
        form.setElectorateValue(poll.spec().electorate().value());
        form.setSecret(poll.secret());
        PollDraft draft;
        try {
            draft = form.toDraft(service.clock().instant(), zone());
            checkChannels(form.getChannels());
        } catch (PollFormFields.Invalid wrong) {
            model.addAttribute("error", wrong.getMessage());
            return form(model, form, poll);
        }
        boolean edited;
        try {
            edited = audit.change("poll.edit", "#" + id, ConsoleTexts.get("polls.edit.audit", draft.title()), () -> {
                boolean ok = service.edit(id, draft, editor);
                PollChannelRepository repo = channels.getIfUnique();
                if (ok && repo != null) {
                    repo.save(id, form.getChannels());
                }
                return ok;
            });
        } catch (IllegalArgumentException invalid) {
            model.addAttribute("error", ConsoleTexts.get("polls.edit.stale"));
            return form(model, form, poll);
        }
        if (!edited) {
            redirect.addFlashAttribute("error", ConsoleTexts.get("polls.edit.votedMeanwhile"));
            return "redirect:" + PATH + "/" + id;
        }
        PollAnnouncer a = announcer.getIfUnique();
        if (a != null) {
            a.announceEdited(service.find(id).orElseThrow());
        }
        redirect.addFlashAttribute("notice", ConsoleTexts.get("polls.edit.done", id));
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/close")
    public String close(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, RedirectAttributes redirect) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty() || !found.get().isOpen()) {
            redirect.addFlashAttribute("error", ConsoleTexts.get("polls.close.notOpen"));
            return "redirect:" + PATH;
        }
        Member me = me(user);
        PollAnnouncer a = announcer.getIfUnique();
        Optional<PollResult> closed = audit.change("poll.close", "#" + id, found.get().title(),
                () -> a != null ? a.close(id, me.id()) : service.close(id, me.id()));
        redirect.addFlashAttribute(closed.isPresent() ? "notice" : "error",
                closed.isPresent() ? ConsoleTexts.get("polls.close.done", id) : ConsoleTexts.get("polls.close.already"));
        return "redirect:" + PATH + "/" + id;
    }

    /**
     * 提醒未投票的人: the core's reminder, the same as 提醒投票 in chat (committee and above, private messages,
     * at most once per poll in {@link PollService#NUDGE_INTERVAL} from chat and console together). The notice
     * gives the number only, so a secret poll's non-voters are never named here.
     */
    @PostMapping(PATH + "/{id}/nudge")
    public String nudge(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, RedirectAttributes redirect) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("error", ConsoleTexts.get("polls.notFound", id));
            return "redirect:" + PATH;
        }
        Poll poll = found.get();
        // Not inside audit.change: its transaction would hold a connection while the reminders go out, and
        // would hide the core's "nudged" entry (the repeat limit) from a second press until the last one is sent.
        PollService.Nudge nudge = poll.isOpen() ? service.nudge(id, me(user).id()) : new PollService.Nudge.Closed();
        if (nudge instanceof PollService.Nudge.Sent sent) {
            audit.record(user.getUsername(), "poll.nudge", "#" + id, ConsoleTexts.get("polls.nudge.audit", sent.reminded()));
            redirect.addFlashAttribute("notice", ConsoleTexts.get("polls.nudge.done", sent.reminded()));
        } else if (nudge instanceof PollService.Nudge.TooSoon soon) {
            redirect.addFlashAttribute("error", service.nudgeTooSoon(poll, soon));
        } else {
            redirect.addFlashAttribute("error", ConsoleTexts.get("polls.nudge.closed"));
        }
        return "redirect:" + PATH + "/" + id;
    }

    @GetMapping(PATH + "/{id}/export.csv")
    public ResponseEntity<byte[]> csv(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id) {
        return download(user, id, "csv", "text/csv;charset=UTF-8");
    }

    @GetMapping(PATH + "/{id}/export.xlsx")
    public ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id) {
        return download(user, id,
                "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private ResponseEntity<byte[]> download(ConsoleUser user, long id, String format, String type) {
        Optional<Poll> found = service.find(id);
        if (found.isEmpty() || found.get().isOpen()) {
            // The running tally never leaves the console as a file (the core refuses it too).
            return ResponseEntity.status(409).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(ConsoleTexts.get("polls.export.open").getBytes(StandardCharsets.UTF_8));
        }
        long memberId = me(user).id();
        byte[] body = audit.change("poll.export", "#" + id, format.toUpperCase(java.util.Locale.ROOT),
                () -> format.equals("csv") ? export.csv(id, memberId) : export.xlsx(id, memberId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("poll-" + id + "." + format).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(body);
    }

    private String form(Model model, PollFormFields form, Poll editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", PollKind.values());
        model.addAttribute("electorateTypes", Electorate.Type.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("bases", Rules.Basis.values());
        PollAnnouncer a = announcer.getIfUnique();
        model.addAttribute("groupChannels", a == null ? List.of() : a.groups().names());
        model.addAttribute("groups", members.groups());
        return "admin/polls/form";
    }

    private void checkChannels(List<String> names) throws PollFormFields.Invalid {
        PollAnnouncer a = announcer.getIfUnique();
        for (String name : names) {
            if (a == null || a.groups().find(name).isEmpty()) {
                throw new PollFormFields.Invalid(ConsoleTexts.get("polls.channel.unknown", name));
            }
        }
    }

    private List<String> channelsOf(long id) {
        PollChannelRepository repo = channels.getIfUnique();
        return repo == null ? List.of() : repo.channels(id);
    }

    /** The rule in words and whether it is met (quorum; threshold or plurality). */
    private List<String> rules(PollDraft spec, PollResult result) {
        List<String> out = new ArrayList<>();
        if (spec.quorum() != null) {
            out.add(ConsoleTexts.get("polls.rules.quorum", spec.quorum().numerator(), spec.quorum().denominator(),
                    ConsoleTexts.get(result.quorumMet() ? "polls.rules.quorumMet" : "polls.rules.quorumNotMet"),
                    result.voted(), result.electorate()));
        } else {
            out.add(ConsoleTexts.get("polls.rules.noQuorum"));
        }
        if (spec.threshold() != null) {
            out.add(ConsoleTexts.get("polls.rules.threshold", service.describe(spec.threshold()),
                    result.passing().isEmpty() ? ConsoleTexts.get("polls.rules.nonePassing") : result.passing().stream()
                            .map(o -> o + "." + spec.options().get(o - 1)).reduce((a, b) -> a + "、" + b).orElse("")));
        } else {
            out.add(ConsoleTexts.get("polls.rules.plurality"));
        }
        return out;
    }

    static String visibilityText(Visibility v) {
        return switch (v) {
            case LIVE -> ConsoleTexts.get("polls.visibility.live");
            case AFTER_CLOSE -> ConsoleTexts.get("polls.visibility.afterClose");
            case COMMITTEE -> ConsoleTexts.get("polls.visibility.committee");
        };
    }

    private Member me(ConsoleUser user) {
        return members.findById(user.memberId())
                .orElseThrow(() -> new IllegalStateException("console user without member " + user.memberId()));
    }

    private ZoneId zone() {
        return service.zone();
    }

    /** Ties 确认发起 to the exact previewed content. */
    static String token(PollDraft draft, List<String> channels) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((draft.toString() + "|" + channels)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String when(java.time.Instant at, ZoneId zone) {
        return WHEN.withZone(zone).format(at);
    }
}
