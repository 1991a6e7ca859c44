package org.unionbot.core.feedback;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * Care cases (慰问): reported privately, routed to the configured committee member for the case type
 * (else the chair), shown with the school's configured standard, followed up by reminders until closed.
 *
 * <p>Confidentiality: a case is visible to the chair and its assignee only. Anyone else asking for it,
 * committee members included, gets the same answer as for a number that does not exist, so not even
 * the existence of a case leaks.
 */
public final class CareService implements ScheduledTask {
    public static final String FOLLOW_UP_KIND = "care-follow-up";
    private static final System.Logger LOG = System.getLogger(CareService.class.getName());
    static final int MAX_DETAILS = 500;
    /** How many closed cases the console lists: enough for a term's look back, not an archive. */
    public static final int CLOSED_SHOWN = 50;

    private final CareCaseRepository cases;
    private final MemberRepository members;
    private final Notifier notifier;
    private final TaskScheduler scheduler;
    private final Messages messages;
    private final Clock clock;
    private final FeedbackSettings settings;

    public CareService(CareCaseRepository cases, MemberRepository members, OutboundPort outbound,
                       TaskScheduler scheduler, Messages messages, Clock clock, FeedbackSettings settings) {
        this.cases = cases;
        this.members = members;
        this.notifier = new Notifier(members, outbound);
        this.scheduler = scheduler;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    String report(CommandContext context) {
        String[] parts = context.arguments().strip().split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return messages.get("care.usage");
        }
        Optional<CareType> type = CareType.parse(parts[0]);
        if (type.isEmpty()) {
            return messages.get("care.unknownType", parts[0]);
        }
        String details = parts.length > 2 ? parts[2] : "";
        if (details.length() > MAX_DETAILS) {
            return messages.get("care.tooLong", Integer.toString(MAX_DETAILS));
        }
        Member reporter = context.requireMember();
        String who = parts[1];
        Member subject = who.equals("本人") || who.equals("我") ? reporter : uniqueByName(who).orElse(null);
        String subjectName = subject != null ? subject.name() : who;
        Optional<Member> assignee = handlerFor(type.get());
        Instant now = clock.instant();
        CareCase stored = null;
        for (int attempt = 0; attempt < 5 && stored == null; attempt++) {
            stored = cases.insert(new CareCase(0, Codes.ref(), type.get(), reporter.id(),
                    subject == null ? null : subject.id(), subjectName, details,
                    assignee.map(Member::id).orElse(null), CareStatus.OPEN, now, null)).orElse(null);
        }
        if (stored == null) {
            throw new IllegalStateException("could not draw a free care case number in five attempts");
        }
        String notice = messages.get("care.assigned.notice", stored.ref(), type.get().label(), subjectName,
                details.isEmpty() ? messages.get("care.noDetails") : details, reporter.name(),
                standard(type.get()));
        assignee.ifPresent(a -> notifier.tell(a.id(), notice));
        for (Member chair : members.findByRole(UnionRole.CHAIR)) {
            if (assignee.isEmpty() || chair.id() != assignee.get().id()) {
                notifier.tell(chair.id(), messages.get("care.chair.notice", stored.ref(), type.get().label(),
                        subjectName, assignee.map(Member::name).orElse(messages.get("care.nobody"))));
            }
        }
        scheduler.scheduleRepeating(followUpKey(stored.ref()), now.plus(settings.careFollowUp()),
                settings.careFollowUp());
        return messages.get("care.reported", type.get().label(), subjectName, stored.ref());
    }

    String list(CommandContext context) {
        Member viewer = context.requireMember();
        List<CareCase> visible = cases.findOpen().stream().filter(c -> maySee(c, viewer)).toList();
        if (visible.isEmpty()) {
            return messages.get("care.list.empty");
        }
        StringBuilder text = new StringBuilder(messages.get("care.list.header", Integer.toString(visible.size())));
        for (CareCase c : visible) {
            text.append('\n').append(messages.get("care.list.line", c.ref(), c.type().label(), c.subjectName(),
                    date(c.reportedAt()), nameOf(c.assigneeMemberId()), standard(c.type())));
        }
        return text.toString();
    }

    String detail(CommandContext context) {
        Optional<CareCase> found = visibleCase(context);
        if (found.isEmpty()) {
            return messages.get("care.notFound");
        }
        CareCase c = found.get();
        StringBuilder text = new StringBuilder(messages.get("care.detail", c.ref(), c.type().label(), c.subjectName(),
                c.details().isEmpty() ? messages.get("care.noDetails") : c.details(), nameOf(c.reporterMemberId()),
                date(c.reportedAt()), nameOf(c.assigneeMemberId()), standard(c.type()),
                messages.get("care.status." + c.status().name())));
        for (CareNote note : cases.notes(c.id())) {
            text.append('\n').append(messages.get("care.note", date(note.at()), nameOf(note.authorMemberId()), note.text()));
        }
        return text.toString();
    }

    String followUp(CommandContext context) {
        Optional<CareCase> found = visibleCase(context);
        String note = Codes.rest(context.arguments());
        if (found.isEmpty()) {
            return messages.get("care.notFound");
        }
        if (note.isEmpty()) {
            return messages.get("care.followUp.usage");
        }
        if (found.get().status() == CareStatus.CLOSED) {
            return messages.get("care.alreadyClosed", found.get().ref());
        }
        cases.addNote(new CareNote(found.get().id(), context.requireMember().id(), clock.instant(), note));
        return messages.get("care.followUp.done", found.get().ref());
    }

    String close(CommandContext context) {
        Optional<CareCase> found = visibleCase(context);
        if (found.isEmpty()) {
            return messages.get("care.notFound");
        }
        CareCase c = found.get();
        String note = Codes.rest(context.arguments());
        Instant now = clock.instant();
        if (!cases.close(c.id(), now)) {
            return messages.get("care.alreadyClosed", c.ref());
        }
        if (!note.isEmpty()) {
            cases.addNote(new CareNote(c.id(), context.requireMember().id(), now, note));
        }
        scheduler.cancel(followUpKey(c.ref()));
        return messages.get("care.closed", c.ref());
    }

    // ---- the console (the same rule: only the chair and the case's assignee see a case) ----

    /** Open cases this viewer may see, oldest first. */
    public List<CareCase> openCasesFor(Member viewer) {
        return cases.findOpen().stream().filter(c -> maySee(c, viewer)).toList();
    }

    /**
     * Closed cases this viewer may see, most recently closed first, at most {@link #CLOSED_SHOWN}. The
     * repository is asked for the viewer's own cases (all for the chair) so that the limit counts only
     * cases they may see; {@link #maySee} still decides, as for open cases.
     */
    public List<CareCase> closedCasesFor(Member viewer) {
        Long assignee = viewer.has(UnionRole.CHAIR) ? null : viewer.id();
        return cases.findClosed(assignee, CLOSED_SHOWN).stream().filter(c -> maySee(c, viewer)).toList();
    }

    /** The case when this viewer may see it; empty both for an unknown case and for someone else's. */
    public Optional<CareCase> caseFor(String ref, Member viewer) {
        String digits = Codes.refDigits(ref);
        return digits.isEmpty() ? Optional.empty() : cases.findByRef(digits).filter(c -> maySee(c, viewer));
    }

    public List<CareNote> notesOf(CareCase c) {
        return cases.notes(c.id());
    }

    /** The school's configured standard for this type, or "本校尚未设定". */
    public String standardFor(CareType type) {
        return standard(type);
    }

    /** Adds a follow-up note; false (with the reason) for an unseen, closed case or an empty note. */
    public ActionResult addNote(Member actor, String ref, String note) {
        Optional<CareCase> found = caseFor(ref, actor);
        if (found.isEmpty()) {
            return ActionResult.no(messages.get("care.notFound"));
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            return ActionResult.no(messages.get("care.followUp.usage"));
        }
        if (text.length() > MAX_DETAILS) {
            return ActionResult.no(messages.get("care.tooLong", Integer.toString(MAX_DETAILS)));
        }
        if (found.get().status() == CareStatus.CLOSED) {
            return ActionResult.no(messages.get("care.alreadyClosed", found.get().ref()));
        }
        cases.addNote(new CareNote(found.get().id(), actor.id(), clock.instant(), text));
        return ActionResult.yes(messages.get("care.followUp.done", found.get().ref()));
    }

    /** Closes the case with an optional last note and stops its follow-up reminders. */
    public ActionResult closeCase(Member actor, String ref, String note) {
        Optional<CareCase> found = caseFor(ref, actor);
        if (found.isEmpty()) {
            return ActionResult.no(messages.get("care.notFound"));
        }
        CareCase c = found.get();
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_DETAILS) {
            return ActionResult.no(messages.get("care.tooLong", Integer.toString(MAX_DETAILS)));
        }
        Instant now = clock.instant();
        if (!cases.close(c.id(), now)) {
            return ActionResult.no(messages.get("care.alreadyClosed", c.ref()));
        }
        if (!text.isEmpty()) {
            cases.addNote(new CareNote(c.id(), actor.id(), now, text));
        }
        scheduler.cancel(followUpKey(c.ref()));
        return ActionResult.yes(messages.get("care.closed", c.ref()));
    }

    // ---- follow-up reminders ----

    @Override
    public String kind() {
        return FOLLOW_UP_KIND;
    }

    /**
     * Reminds the assignee of an open case. A late run still reminds (an open case stays worth a
     * reminder); a run for a closed or vanished case removes its schedule. Running twice sends two
     * reminders, which is harmless.
     */
    @Override
    public void run(String ref, Instant scheduledFor) {
        Optional<CareCase> found = cases.findByRef(ref);
        if (found.isEmpty() || found.get().status() == CareStatus.CLOSED) {
            scheduler.cancel(followUpKey(ref));
            return;
        }
        CareCase c = found.get();
        Long to = c.assigneeMemberId();
        if (to == null) {
            to = members.findByRole(UnionRole.CHAIR).stream().findFirst().map(Member::id).orElse(null);
        }
        if (to == null) {
            LOG.log(Level.WARNING, "care case {0} has nobody to remind", ref);
            return;
        }
        notifier.tell(to, messages.get("care.reminder", c.ref(), c.type().label(), c.subjectName(),
                date(c.reportedAt()), standard(c.type())));
    }

    // ---- helpers ----

    private Optional<CareCase> visibleCase(CommandContext context) {
        String ref = Codes.refDigits(Codes.firstWord(context.arguments()));
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Member viewer = context.requireMember();
        return cases.findByRef(ref).filter(c -> maySee(c, viewer));
    }

    public static boolean maySee(CareCase c, Member viewer) {
        return viewer.has(UnionRole.CHAIR)
                || (c.assigneeMemberId() != null && c.assigneeMemberId() == viewer.id());
    }

    /** The configured standard, or "本校尚未设定": an amount is never made up. */
    String standard(CareType type) {
        String configured = settings.careStandards().get(type);
        return configured == null || configured.isBlank() ? messages.get("care.standard.unset") : configured;
    }

    private Optional<Member> handlerFor(CareType type) {
        String staffNo = settings.careHandlers().get(type);
        if (staffNo != null) {
            Optional<Member> handler = members.findByStaffNo(staffNo).filter(Member::isCommittee);
            if (handler.isPresent()) {
                return handler;
            }
            LOG.log(Level.WARNING, "configured care handler for {0} is not a committee member; the chair handles it",
                    type.code());
        }
        return members.findByRole(UnionRole.CHAIR).stream().findFirst();
    }

    private Optional<Member> uniqueByName(String name) {
        List<Member> matches = members.findAll().stream().filter(m -> m.name().equals(name)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private String nameOf(Long memberId) {
        return memberId == null ? messages.get("care.nobody")
                : members.findById(memberId).map(Member::name).orElse("?");
    }

    private String date(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone()).toString();
    }

    static TaskKey followUpKey(String ref) {
        return new TaskKey(FOLLOW_UP_KIND, ref);
    }
}
