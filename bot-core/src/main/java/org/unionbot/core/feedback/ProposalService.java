package org.unionbot.core.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.outbound.OutboundPort;

/**
 * Congress proposals (提案): a window per session (届/次), submitted by delegates (staff go through
 * their group's delegate), numbered per session, co-signed by delegates, handed to an office, replied,
 * followed to implementation, rated by the proposer, and published when the session decides.
 *
 * <p>Committee commands name a proposal by its number in the latest session.
 */
public final class ProposalService {
    static final int MAX_FIELD = 1000;

    private final ProposalRepository proposals;
    private final MemberRepository members;
    private final Notifier notifier;
    private final Messages messages;
    private final Clock clock;

    public ProposalService(ProposalRepository proposals, MemberRepository members, OutboundPort outbound,
                           Messages messages, Clock clock) {
        this.proposals = proposals;
        this.members = members;
        this.notifier = new Notifier(members, outbound);
        this.messages = messages;
        this.clock = clock;
    }

    /** 提案征集 届 次 截止日期: parses the chat form and opens the window as the console does. */
    String openSession(CommandContext context) {
        String[] parts = context.arguments().strip().split("\\s+");
        if (parts.length != 3) {
            return messages.get("proposal.open.usage");
        }
        int term;
        int meeting;
        LocalDate lastDay;
        try {
            term = Integer.parseInt(parts[0].replaceAll("[^0-9]", ""));
            meeting = Integer.parseInt(parts[1].replaceAll("[^0-9]", ""));
            lastDay = LocalDate.parse(parts[2]);
        } catch (NumberFormatException | DateTimeParseException bad) {
            return messages.get("proposal.open.usage");
        }
        return openSession(term, meeting, lastDay).text();
    }

    /**
     * Opens the proposal window of 第 term 届第 meeting 次 now, closing at the end of {@code lastDay} in
     * the school's zone. The one rule for chat and the console: a last day already over and a session
     * that exists are refused (with the chat's answer), so the two can never disagree.
     */
    public ActionResult openSession(int term, int meeting, LocalDate lastDay) {
        if (term < 1 || meeting < 1 || lastDay == null) {
            return ActionResult.no(messages.get("proposal.open.usage"));
        }
        Instant now = clock.instant();
        Instant closes = lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        if (!closes.isAfter(now)) {
            return ActionResult.no(messages.get("proposal.open.past"));
        }
        if (proposals.createSession(term, meeting, now, closes).isEmpty()) {
            return ActionResult.no(
                    messages.get("proposal.open.exists", Integer.toString(term), Integer.toString(meeting)));
        }
        return ActionResult.yes(messages.get("proposal.open.done", Integer.toString(term), Integer.toString(meeting),
                lastDay.toString()));
    }

    /** The last day a session accepts proposals, in the school's zone: what 截止日期 named when it opened. */
    public LocalDate lastDayOf(ProposalSession session) {
        return LocalDate.ofInstant(session.closesAt().minusNanos(1), clock.getZone());
    }

    /** Whether the session's window is open now. */
    public boolean accepting(ProposalSession session) {
        return session.acceptsAt(clock.instant());
    }

    /** 提案 标题；理由；措施[；附议 姓名、姓名]. */
    String submit(CommandContext context) {
        Member proposer = context.requireMember();
        if (!proposer.has(UnionRole.DELEGATE)) {
            return throughDelegate(proposer);
        }
        Optional<ProposalSession> session = proposals.latestSession().filter(s -> s.acceptsAt(clock.instant()));
        if (session.isEmpty()) {
            return messages.get("proposal.closed");
        }
        String[] parts = context.arguments().strip().split("\\s*[；;\\n]\\s*");
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            return messages.get("proposal.usage");
        }
        return store(proposer, session.get(), parts[0], parts[1], parts[2],
                parts.length == 4 ? parts[3].replaceFirst("^附议[:：]?\\s*", "") : "");
    }

    /**
     * Why this member cannot submit now (not a delegate: their group's delegates are named; no open
     * window), or empty when they can — the guided flow asks this before its first question.
     */
    Optional<String> cannotSubmit(Member proposer) {
        if (!proposer.has(UnionRole.DELEGATE)) {
            return Optional.of(throughDelegate(proposer));
        }
        if (proposals.latestSession().filter(s -> s.acceptsAt(clock.instant())).isEmpty()) {
            return Optional.of(messages.get("proposal.closed"));
        }
        return Optional.empty();
    }

    /** The co-signers' names checked as the submission will check them: the first unknown name, if any. */
    Optional<String> unknownCosigner(String names) {
        for (String name : names.split("\\s*[、,，\\s]\\s*")) {
            if (!name.isBlank() && members.findAll().stream()
                    .filter(m -> m.name().equals(name) && m.has(UnionRole.DELEGATE)).count() != 1) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Submits from the guided flow (提案 without text): the same checks as the one-message form. */
    String submitFields(Member proposer, String title, String reasons, String measures, String cosignerNames) {
        Optional<String> refused = cannotSubmit(proposer);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ProposalSession> session = proposals.latestSession().filter(s -> s.acceptsAt(clock.instant()));
        return store(proposer, session.orElseThrow(), title, reasons, measures, cosignerNames);
    }

    private String store(Member proposer, ProposalSession session, String title, String reasons, String measures,
                         String cosignerNames) {
        Instant now = clock.instant();
        for (String part : List.of(title, reasons, measures, cosignerNames)) {
            if (part.length() > MAX_FIELD) {
                return messages.get("proposal.tooLong", Integer.toString(MAX_FIELD));
            }
        }
        List<Long> cosigners = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>(List.of(cosignerNames.split("\\s*[、,，\\s]\\s*")));
        for (String name : unique) {
            if (name.isBlank()) {
                continue;
            }
            List<Member> found = members.findAll().stream()
                    .filter(m -> m.name().equals(name) && m.has(UnionRole.DELEGATE)).toList();
            if (found.size() != 1) {
                return messages.get("proposal.cosigner.unknown", name);
            }
            if (found.get(0).id() != proposer.id()) {
                cosigners.add(found.get(0).id());
            }
        }
        Proposal stored = proposals.insert(new Proposal(0, session.id(), 0, proposer.id(), title.strip(),
                reasons.strip(), measures.strip(), cosigners, null, null, null, null, null, now));
        for (long cosigner : cosigners) {
            notifier.tell(cosigner, messages.get("proposal.cosigner.notice", proposer.name(),
                    Integer.toString(stored.number()), stored.title()));
        }
        return messages.get("proposal.submitted", sessionLabel(session), Integer.toString(stored.number()),
                stored.title(), Integer.toString(cosigners.size()));
    }

    private String throughDelegate(Member member) {
        List<String> delegates = member.groupId() == null ? List.of()
                : members.membersOfGroup(member.groupId()).stream().filter(m -> m.has(UnionRole.DELEGATE))
                        .map(Member::name).toList();
        return delegates.isEmpty() ? messages.get("proposal.throughDelegate.none")
                : messages.get("proposal.throughDelegate", String.join("、", delegates));
    }

    String list(CommandContext context) {
        Optional<ProposalSession> session = proposals.latestSession();
        if (session.isEmpty()) {
            return messages.get("proposal.noSession");
        }
        List<Proposal> all = proposals.findBySession(session.get().id());
        if (all.isEmpty()) {
            return messages.get("proposal.list.empty", sessionLabel(session.get()));
        }
        StringBuilder text = new StringBuilder(messages.get("proposal.list.header", sessionLabel(session.get()),
                Integer.toString(all.size())));
        for (Proposal p : all) {
            text.append('\n').append(messages.get("proposal.list.line", Integer.toString(p.number()), p.title(),
                    nameOf(p.proposerId()), p.office() == null ? messages.get("proposal.noOffice") : p.office(),
                    p.reply() == null ? messages.get("proposal.notReplied") : messages.get("proposal.replied"),
                    p.implementation().label()));
        }
        return text.toString();
    }

    String assignOffice(CommandContext context) {
        return withLatest(context, "proposal.assign.usage", (p, rest) -> {
            proposals.update(p.withOffice(rest));
            return messages.get("proposal.assign.done", Integer.toString(p.number()), rest);
        });
    }

    String reply(CommandContext context) {
        return withLatest(context, "proposal.reply.usage", (p, rest) -> {
            if (p.office() == null) {
                return messages.get("proposal.reply.assignFirst", Integer.toString(p.number()));
            }
            proposals.update(p.withReply(rest, clock.instant()));
            String notice = messages.get("proposal.reply.notice", Integer.toString(p.number()), p.title(), p.office(), rest);
            notifier.tell(p.proposerId(), notice + "\n" + messages.get("proposal.reply.rateHint", Integer.toString(p.number())));
            for (long cosigner : p.cosignerIds()) {
                notifier.tell(cosigner, notice);
            }
            return messages.get("proposal.reply.done", Integer.toString(p.number()));
        });
    }

    String implementation(CommandContext context) {
        return withLatest(context, "proposal.implementation.usage", (p, rest) -> {
            Optional<Implementation> status = Implementation.parse(rest);
            if (status.isEmpty()) {
                return messages.get("proposal.implementation.usage");
            }
            proposals.update(p.withImplementation(status.get()));
            return messages.get("proposal.implementation.done", Integer.toString(p.number()), status.get().label());
        });
    }

    String rate(CommandContext context) {
        Member member = context.requireMember();
        return withLatest(context, "proposal.rate.usage", (p, rest) -> {
            if (p.proposerId() != member.id()) {
                return messages.get("proposal.rate.notYours", Integer.toString(p.number()));
            }
            if (p.reply() == null) {
                return messages.get("proposal.rate.noReply", Integer.toString(p.number()));
            }
            Optional<Satisfaction> verdict = Satisfaction.parse(rest);
            if (verdict.isEmpty()) {
                return messages.get("proposal.rate.usage");
            }
            proposals.update(p.withSatisfaction(verdict.get()));
            return messages.get("proposal.rate.done", Integer.toString(p.number()), verdict.get().label());
        });
    }

    /** 我的提案 / 我上次的提案有答复了吗: answered from the record, latest first. */
    String mine(CommandContext context) {
        Member member = context.requireMember();
        List<Proposal> own = proposals.findByMember(member.id());
        if (own.isEmpty()) {
            return messages.get(member.has(UnionRole.DELEGATE) ? "proposal.mine.none" : "proposal.mine.noneStaff");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < own.size() && i < 5; i++) {
            Proposal p = own.get(i);
            String session = proposals.findSessionById(p.sessionId()).map(this::sessionLabel).orElse("");
            String role = p.proposerId() == member.id() ? "" : messages.get("proposal.mine.cosigned");
            if (i > 0) {
                text.append("\n\n");
            }
            text.append(p.reply() == null
                    ? messages.get("proposal.mine.open", session, Integer.toString(p.number()), p.title(), role,
                            p.office() == null ? messages.get("proposal.noOffice") : p.office())
                    : messages.get("proposal.mine.replied", session, Integer.toString(p.number()), p.title(), role,
                            p.office(), p.reply(), p.implementation().label(),
                            p.satisfaction() == null ? messages.get("proposal.notRated") : p.satisfaction().label()));
        }
        return text.toString();
    }

    String publish(CommandContext context) {
        Optional<ProposalSession> session = sessionNamed(context.arguments());
        if (session.isEmpty()) {
            return messages.get("proposal.publish.usage");
        }
        proposals.publish(session.get().id(), clock.instant());
        return messages.get("proposal.publish.done", sessionLabel(session.get()));
    }

    /** 公开提案 [届 次]: what a published session decided, for every member. */
    String published(CommandContext context) {
        Optional<ProposalSession> session = context.arguments().isBlank()
                ? proposals.latestSession() : sessionNamed(context.arguments());
        if (session.isEmpty() || session.get().publishedAt() == null) {
            return messages.get("proposal.published.none");
        }
        List<Proposal> all = proposals.findBySession(session.get().id());
        StringBuilder text = new StringBuilder(messages.get("proposal.published.header", sessionLabel(session.get()),
                Integer.toString(all.size())));
        for (Proposal p : all) {
            text.append("\n\n").append(messages.get("proposal.published.item", Integer.toString(p.number()), p.title(),
                    nameOf(p.proposerId()), p.office() == null ? messages.get("proposal.noOffice") : p.office(),
                    p.reply() == null ? messages.get("proposal.notReplied") : p.reply(), p.implementation().label()));
        }
        return text.toString();
    }

    // ---- the console ----

    public Optional<ProposalSession> latestSession() {
        return proposals.latestSession();
    }

    public Optional<ProposalSession> session(int term, int meeting) {
        return proposals.findSession(term, meeting);
    }

    public List<Proposal> proposalsOf(ProposalSession session) {
        return proposals.findBySession(session.id());
    }

    /** "第N届第M次", as chat names a session. */
    public String labelOf(ProposalSession session) {
        return sessionLabel(session);
    }

    public String memberName(long memberId) {
        return nameOf(memberId);
    }

    /** Sets the handling office (承办部门). */
    public ActionResult assignOffice(ProposalSession session, int number, String office) {
        String text = office == null ? "" : office.strip();
        if (text.isEmpty() || text.length() > MAX_FIELD) {
            return ActionResult.no(messages.get("proposal.assign.usage"));
        }
        return withProposal(session, number, p -> {
            proposals.update(p.withOffice(text));
            return ActionResult.yes(
                    messages.get("proposal.assign.done", Integer.toString(p.number()), text));
        });
    }

    /** Records the office's reply and tells the proposer and co-signers, as the chat command does. */
    public ActionResult recordReply(ProposalSession session, int number, String reply) {
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty() || text.length() > MAX_FIELD * 2) {
            return ActionResult.no(messages.get("proposal.reply.usage"));
        }
        return withProposal(session, number, p -> {
            if (p.office() == null) {
                return ActionResult.no(
                        messages.get("proposal.reply.assignFirst", Integer.toString(p.number())));
            }
            proposals.update(p.withReply(text, clock.instant()));
            String notice = messages.get("proposal.reply.notice", Integer.toString(p.number()), p.title(), p.office(), text);
            notifier.tell(p.proposerId(), notice + "\n" + messages.get("proposal.reply.rateHint", Integer.toString(p.number())));
            for (long cosigner : p.cosignerIds()) {
                notifier.tell(cosigner, notice);
            }
            return ActionResult.yes(messages.get("proposal.reply.done", Integer.toString(p.number())));
        });
    }

    public ActionResult setImplementation(ProposalSession session, int number, Implementation status) {
        return withProposal(session, number, p -> {
            proposals.update(p.withImplementation(status));
            return ActionResult.yes(messages.get("proposal.implementation.done",
                    Integer.toString(p.number()), status.label()));
        });
    }

    public ActionResult publish(ProposalSession session) {
        proposals.publish(session.id(), clock.instant());
        return ActionResult.yes(messages.get("proposal.publish.done", sessionLabel(session)));
    }

    private ActionResult withProposal(ProposalSession session, int number,
            java.util.function.Function<Proposal, ActionResult> action) {
        Optional<Proposal> proposal = proposals.find(session.id(), number);
        if (proposal.isEmpty()) {
            return ActionResult.no(
                    messages.get("proposal.unknown", sessionLabel(session), Integer.toString(number)));
        }
        return action.apply(proposal.get());
    }

    // ---- helpers ----

    private interface ProposalAction {
        String apply(Proposal proposal, String rest);
    }

    private String withLatest(CommandContext context, String usageKey, ProposalAction action) {
        String first = Codes.firstWord(context.arguments());
        String rest = Codes.rest(context.arguments());
        String digits = first.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || rest.isEmpty() || digits.length() > 6) {
            return messages.get(usageKey);
        }
        Optional<ProposalSession> session = proposals.latestSession();
        if (session.isEmpty()) {
            return messages.get("proposal.noSession");
        }
        Optional<Proposal> proposal = proposals.find(session.get().id(), Integer.parseInt(digits));
        if (proposal.isEmpty()) {
            return messages.get("proposal.unknown", sessionLabel(session.get()), digits);
        }
        return action.apply(proposal.get(), rest);
    }

    private Optional<ProposalSession> sessionNamed(String arguments) {
        String[] parts = arguments.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return proposals.findSession(Integer.parseInt(parts[0].replaceAll("[^0-9]", "")),
                    Integer.parseInt(parts[1].replaceAll("[^0-9]", "")));
        } catch (NumberFormatException bad) {
            return Optional.empty();
        }
    }

    private String sessionLabel(ProposalSession session) {
        return messages.get("proposal.session", Integer.toString(session.term()), Integer.toString(session.meeting()));
    }

    private String nameOf(long memberId) {
        return members.findById(memberId).map(Member::name).orElse("?");
    }
}
