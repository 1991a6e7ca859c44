package org.unionbot.core.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * The suggestion box (意见建议): drafting with a confirmation step, tracking codes, the committee's
 * lifecycle commands and the answer notice. Every answer is a text for the member; expected outcomes
 * (a wrong code, a suggestion already answered) are answers, not exceptions.
 *
 * <p>Anonymity is enforced where the row is built ({@link Suggestion} refuses a sender or a time for an
 * anonymous row); this class additionally keeps bodies out of logs and never shows a union group of
 * fewer than {@link #MIN_GROUP_SHOWN} members next to an anonymous suggestion.
 */
public final class SuggestionService implements ScheduledTask {
    public static final String DIGEST_KIND = "suggestion-digest";
    static final int DIGEST_MAX = 30;
    private static final System.Logger LOG = System.getLogger(SuggestionService.class.getName());
    static final String DRAFT_FLOW = "feedback-draft";
    static final Duration DRAFT_TTL = Duration.ofMinutes(15);
    static final int MAX_BODY = 1000;
    static final int LIST_MAX = 30;
    /** A smaller group or office shown beside an anonymous suggestion could point at its few members. */
    public static final int MIN_GROUP_SHOWN = 5;

    private final SuggestionRepository suggestions;
    private final MemberRepository members;
    private final ConversationStateStore state;
    private final Notifier notifier;
    private final SubmissionLimiter limiter;
    private final Messages messages;
    private final Clock clock;
    private final java.util.Optional<org.unionbot.core.outbound.Recipient> digestRecipient;

    /** With the submission limit counted in this process's memory (one instance, tests). */
    public SuggestionService(SuggestionRepository suggestions, MemberRepository members, ConversationStateStore state,
                             org.unionbot.core.outbound.OutboundPort outbound, Messages messages, Clock clock,
                             FeedbackSettings settings) {
        this(suggestions, members, state, SubmissionCounter.inMemory(clock), outbound, messages, clock, settings);
    }

    /** @param counter where the daily submission limit is counted atomically (the database, shared by instances) */
    public SuggestionService(SuggestionRepository suggestions, MemberRepository members, ConversationStateStore state,
                             SubmissionCounter counter, org.unionbot.core.outbound.OutboundPort outbound,
                             Messages messages, Clock clock, FeedbackSettings settings) {
        this.suggestions = suggestions;
        this.members = members;
        this.state = state;
        this.notifier = new Notifier(members, outbound);
        this.limiter = new SubmissionLimiter(counter, clock, settings.rateSecret(), settings.dailyLimit());
        this.messages = messages;
        this.clock = clock;
        this.digestRecipient = settings.digestRecipient();
    }

    // ---- the sender ----

    String guide() {
        return messages.get("suggestion.guide");
    }

    /** Keeps the draft for {@link #DRAFT_TTL} and asks for confirmation; nothing is stored yet. */
    String draft(CommandContext context, SuggestionMode mode) {
        String body = context.arguments().strip();
        if (body.isEmpty()) {
            return messages.get("suggestion.empty." + mode.name());
        }
        if (body.length() > MAX_BODY) {
            return messages.get("suggestion.tooLong", Integer.toString(MAX_BODY));
        }
        state.put(StateKey.of(DRAFT_FLOW, context.message()), mode.name() + "\n" + body, DRAFT_TTL);
        return messages.get("suggestion.confirm", messages.get("suggestion.mode." + mode.name()), body);
    }

    String cancel(CommandContext context) {
        StateKey key = StateKey.of(DRAFT_FLOW, context.message());
        if (state.get(key).isEmpty()) {
            return messages.get("suggestion.noDraft");
        }
        state.remove(key);
        return messages.get("suggestion.cancelled");
    }

    String confirm(CommandContext context) {
        StateKey key = StateKey.of(DRAFT_FLOW, context.message());
        Optional<String> draft = state.get(key);
        if (draft.isEmpty()) {
            return messages.get("suggestion.noDraft");
        }
        Member sender = context.requireMember();
        if (!limiter.tryAcquire(sender.id())) {
            return messages.get("feedback.rateLimited");
        }
        // The draft (the only place body and account meet) goes before anything else is written.
        state.remove(key);
        String value = draft.get();
        int cut = value.indexOf('\n');
        return store(sender, SuggestionMode.valueOf(value.substring(0, cut)), value.substring(cut + 1));
    }

    /**
     * Submits a suggestion from the guided flow (我想提建议), after the flow dropped its own state (the
     * only place body and account met). Counts against the daily limit.
     */
    String submit(Member sender, SuggestionMode mode, String body) {
        if (!limiter.tryAcquire(sender.id())) {
            return messages.get("feedback.rateLimited");
        }
        return store(sender, mode, body);
    }

    /** Stores the suggestion (anonymous: no member, no time) and answers with its tracking code. */
    private String store(Member sender, SuggestionMode mode, String body) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        boolean anonymous = mode == SuggestionMode.ANONYMOUS;
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = Codes.trackingCode();
            Suggestion suggestion = new Suggestion(Codes.randomId(), Codes.ref(), Codes.hash(code), mode,
                    anonymous ? null : sender.id(), today, anonymous ? null : now, body, SuggestionStatus.RECEIVED,
                    null, null, null, null, null, null, null);
            if (suggestions.insert(suggestion)) {
                return messages.get("suggestion.received." + mode.name(), code);
            }
        }
        throw new IllegalStateException("could not draw a free tracking code in five attempts");
    }

    Messages messages() {
        return messages;
    }

    String query(CommandContext context) {
        String code = Codes.firstWord(context.arguments());
        if (code.isEmpty()) {
            return messages.get("suggestion.query.usage");
        }
        Optional<Suggestion> found = suggestions.findByCodeHash(Codes.hash(code));
        if (found.isEmpty()) {
            return messages.get("suggestion.unknownCode");
        }
        Suggestion s = found.get();
        String status = messages.get("suggestion.status." + s.status().name());
        if (s.answer() != null) {
            return messages.get("suggestion.query.answered", s.submittedOn().toString(), status, s.body(), s.answer());
        }
        return messages.get("suggestion.query.open", s.submittedOn().toString(), status, s.body());
    }

    String withdraw(CommandContext context) {
        String code = Codes.firstWord(context.arguments());
        if (code.isEmpty()) {
            return messages.get("suggestion.withdraw.usage");
        }
        Optional<Suggestion> found = suggestions.findByCodeHash(Codes.hash(code));
        if (found.isEmpty()) {
            return messages.get("suggestion.unknownCode");
        }
        Suggestion s = found.get();
        if (!s.status().answerable()) {
            return messages.get("suggestion.withdraw.tooLate", messages.get("suggestion.status." + s.status().name()));
        }
        if (!suggestions.update(s.withStatus(SuggestionStatus.WITHDRAWN), s.status())) {
            return messages.get("feedback.changedMeanwhile");
        }
        return messages.get("suggestion.withdrawn");
    }

    // ---- the committee ----

    String list(CommandContext context) {
        Member viewer = context.requireMember();
        List<Suggestion> open = suggestions.findByStatus(
                EnumSet.of(SuggestionStatus.RECEIVED, SuggestionStatus.ASSIGNED, SuggestionStatus.ANSWERED));
        if (open.isEmpty()) {
            return messages.get("suggestion.list.empty");
        }
        StringBuilder text = new StringBuilder(messages.get("suggestion.list.header", Integer.toString(open.size())));
        // A chat message of hundreds of lines helps nobody: the oldest first, the rest counted.
        for (Suggestion s : open.subList(0, Math.min(open.size(), LIST_MAX))) {
            text.append('\n').append(messages.get("suggestion.list.line", s.ref(),
                    messages.get("suggestion.status." + s.status().name()), s.submittedOn().toString(),
                    senderLabel(s, viewer), assigneeLabel(s), abbreviate(s.body())));
        }
        if (open.size() > LIST_MAX) {
            text.append('\n').append(messages.get("suggestion.list.more", Integer.toString(open.size() - LIST_MAX)));
        }
        return text.toString();
    }

    String assign(CommandContext context) {
        String[] parts = context.arguments().strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return messages.get("suggestion.assign.usage");
        }
        return assign(context.requireMember(), parts[0], parts[1]).text();
    }

    /**
     * Assigns the suggestion to a union group (office) or a committee member, by name or staff number,
     * as the chat command does; the console calls this too.
     */
    public ActionResult assign(Member actor, String refText, String targetText) {
        Optional<Suggestion> found = suggestions.findByRef(Codes.refDigits(refText));
        if (found.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.unknownRef", refText));
        }
        Suggestion s = found.get();
        if (!s.status().answerable()) {
            return ActionResult.no(messages.get("suggestion.notOpen", s.ref(),
                    messages.get("suggestion.status." + s.status().name())));
        }
        String target = targetText.strip();
        Optional<UnionGroup> group = members.groups().stream().filter(g -> g.name().equals(target)).findFirst();
        Optional<Member> person = group.isPresent() ? Optional.empty() : findCommitteeMember(target);
        if (group.isEmpty() && person.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.assign.unknownTarget", target));
        }
        Suggestion next = s.assigned(person.map(Member::id).orElse(null), group.map(UnionGroup::id).orElse(null));
        if (!suggestions.update(next, s.status())) {
            return ActionResult.no(messages.get("feedback.changedMeanwhile"));
        }
        person.filter(p -> p.id() != actor.id()).ifPresent(p ->
                notifier.tell(p.id(), messages.get("suggestion.assign.notice", s.ref(), abbreviate(s.body()))));
        return ActionResult.yes(messages.get("suggestion.assign.done", s.ref(), assigneeLabel(next)));
    }


    String answer(CommandContext context) {
        String[] parts = context.arguments().strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return messages.get("suggestion.answer.usage");
        }
        return answer(context.requireMember(), parts[0], parts[1]).text();
    }

    /** Records the answer and tells a named sender, as the chat command does; the console calls this too. */
    public ActionResult answer(Member actor, String refText, String answerText) {
        Optional<Suggestion> found = suggestions.findByRef(Codes.refDigits(refText));
        if (found.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.unknownRef", refText));
        }
        Suggestion s = found.get();
        if (s.status() != SuggestionStatus.ASSIGNED) {
            return ActionResult.no(s.status() == SuggestionStatus.RECEIVED
                    ? messages.get("suggestion.answer.assignFirst", s.ref())
                    : messages.get("suggestion.notOpen", s.ref(), messages.get("suggestion.status." + s.status().name())));
        }
        if (!mayHandle(s, actor)) {
            return ActionResult.no(messages.get("suggestion.notYours", s.ref(), assigneeLabel(s)));
        }
        String text = answerText.strip();
        if (text.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.answer.usage"));
        }
        if (text.length() > MAX_BODY * 2) {
            return ActionResult.no(messages.get("suggestion.tooLong", Integer.toString(MAX_BODY * 2)));
        }
        Suggestion next = s.answered(text, clock.instant(), actor.id());
        if (!suggestions.update(next, s.status())) {
            return ActionResult.no(messages.get("feedback.changedMeanwhile"));
        }
        boolean told = false;
        if (s.mode() != SuggestionMode.ANONYMOUS) {
            told = notifier.tell(s.senderMemberId(), messages.get("suggestion.answer.notice", abbreviate(s.body()), text));
        }
        return ActionResult.yes(messages.get(s.mode() == SuggestionMode.ANONYMOUS ? "suggestion.answer.doneAnonymous"
                : told ? "suggestion.answer.doneTold" : "suggestion.answer.doneNotTold", s.ref()));
    }

    String close(CommandContext context) {
        String ref = Codes.refDigits(Codes.firstWord(context.arguments()));
        if (ref.isEmpty()) {
            return messages.get("suggestion.close.usage");
        }
        return close(context.requireMember(), ref).text();
    }

    /** Closes an answered suggestion, as the chat command does; the console calls this too. */
    public ActionResult close(Member actor, String ref) {
        Optional<Suggestion> found = suggestions.findByRef(Codes.refDigits(ref));
        if (found.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.unknownRef", ref));
        }
        Suggestion s = found.get();
        if (s.status() != SuggestionStatus.ANSWERED) {
            return ActionResult.no(messages.get("suggestion.close.notAnswered", s.ref(),
                    messages.get("suggestion.status." + s.status().name())));
        }
        if (!mayHandle(s, actor)) {
            return ActionResult.no(messages.get("suggestion.notYours", s.ref(), assigneeLabel(s)));
        }
        if (!suggestions.update(s.closed(clock.instant()), s.status())) {
            return ActionResult.no(messages.get("feedback.changedMeanwhile"));
        }
        return ActionResult.yes(messages.get("suggestion.closed", s.ref()));
    }

    // ---- the console's view ----

    /** Suggestions in these statuses, oldest first, for the console's inbox. */
    public List<Suggestion> inbox(java.util.Collection<SuggestionStatus> statuses) {
        return suggestions.findByStatus(statuses);
    }

    public Optional<Suggestion> find(String ref) {
        return suggestions.findByRef(Codes.refDigits(ref));
    }

    /**
     * Who sent it, as this viewer may see it: "匿名" for anonymous suggestions, the name for the chair
     * only for 仅主席可见 ones, the name for named ones.
     */
    public String senderFor(Suggestion s, Member viewer) {
        return senderLabel(s, viewer);
    }

    /** The assignee's name or the office, with the small-group guard for anonymous suggestions. */
    public String assigneeOf(Suggestion s) {
        return assigneeLabel(s);
    }

    /** The status in words, as chat shows it. */
    public String statusLabel(SuggestionStatus status) {
        return messages.get("suggestion.status." + status.name());
    }

    /** Publishes the digest now: the answer to show (sent, nothing waiting, or no recipient configured). */
    public ActionResult publishNow() {
        if (digestRecipient.isEmpty()) {
            return ActionResult.no(messages.get("suggestion.digest.notConfigured"));
        }
        int sent = publishDigest();
        return sent == 0 ? ActionResult.no(messages.get("suggestion.digest.nothing"))
                : ActionResult.yes(messages.get("suggestion.digest.sent", Integer.toString(sent)));
    }

    // ---- the public digest ----

    @Override
    public String kind() {
        return DIGEST_KIND;
    }

    /**
     * Sends the digest of answers not yet published. A late run is still useful (the answers are still
     * unpublished), so it runs whenever it fires; answers are marked published only after delivery, so a
     * failed send is retried next time, and a crash between sending and marking repeats a digest rather
     * than losing one.
     */
    @Override
    public void run(String id, Instant scheduledFor) {
        int sent = publishDigest();
        LOG.log(System.Logger.Level.INFO, "suggestion digest: {0} answers published", sent);
    }

    /** @return how many answers the digest carried; 0 when none were waiting or no recipient is configured */
    public int publishDigest() {
        if (digestRecipient.isEmpty()) {
            return 0;
        }
        List<Suggestion> answered = suggestions.findUnpublishedAnswers(DIGEST_MAX);
        if (answered.isEmpty()) {
            return 0;
        }
        if (!notifier.send(digestRecipient.get(), digestText(answered))) {
            return 0;
        }
        suggestions.markPublished(answered.stream().map(Suggestion::id).toList(), LocalDate.now(clock));
        return answered.size();
    }

    String publishNow(CommandContext context) {
        if (digestRecipient.isEmpty()) {
            return messages.get("suggestion.digest.notConfigured");
        }
        int sent = publishDigest();
        return sent == 0 ? messages.get("suggestion.digest.nothing") : messages.get("suggestion.digest.sent", Integer.toString(sent));
    }

    /** The digest text for these answered suggestions: body and answer only, never a sender. */
    String digestText(List<Suggestion> answered) {
        StringBuilder text = new StringBuilder(messages.get("suggestion.digest.header",
                LocalDate.now(clock).toString(), Integer.toString(answered.size())));
        int n = 1;
        for (Suggestion s : answered) {
            String office = s.assigneeGroupId() == null ? "" : groupLabel(s, s.assigneeGroupId());
            text.append("\n\n").append(messages.get("suggestion.digest.item", Integer.toString(n++), s.body(),
                    s.answer(), office.isEmpty() ? "" : messages.get("suggestion.digest.office", office)));
        }
        return text.toString();
    }

    // ---- helpers ----

    /** The assignee, the chair, or (for an office) any committee member records the answer and closes. */
    private boolean mayHandle(Suggestion s, Member actor) {
        if (actor.has(UnionRole.CHAIR)) {
            return true;
        }
        if (s.assigneeMemberId() != null) {
            return s.assigneeMemberId() == actor.id();
        }
        return actor.isCommittee();
    }

    private String senderLabel(Suggestion s, Member viewer) {
        return switch (s.mode()) {
            case ANONYMOUS -> messages.get("suggestion.sender.anonymous");
            case CHAIR_ONLY -> viewer.has(UnionRole.CHAIR)
                    ? messages.get("suggestion.sender.chairOnlyForChair", nameOf(s.senderMemberId()))
                    : messages.get("suggestion.sender.chairOnly");
            case NAMED -> nameOf(s.senderMemberId());
        };
    }

    private String assigneeLabel(Suggestion s) {
        if (s.assigneeMemberId() != null) {
            return nameOf(s.assigneeMemberId());
        }
        if (s.assigneeGroupId() != null) {
            return groupLabel(s, s.assigneeGroupId());
        }
        return messages.get("suggestion.unassigned");
    }

    /** The small-group guard: beside an anonymous suggestion a group of fewer than five stays unnamed. */
    String groupLabel(Suggestion s, long groupId) {
        Optional<UnionGroup> group = members.findGroup(groupId);
        if (group.isEmpty()) {
            return messages.get("suggestion.unassigned");
        }
        if (s.mode() == SuggestionMode.ANONYMOUS && members.membersOfGroup(groupId).size() < MIN_GROUP_SHOWN) {
            return messages.get("suggestion.smallGroupHidden");
        }
        return group.get().name();
    }

    private String nameOf(Long memberId) {
        return memberId == null ? "?" : members.findById(memberId).map(Member::name).orElse("?");
    }

    private Optional<Member> findCommitteeMember(String nameOrStaffNo) {
        List<Member> matches = new ArrayList<>();
        members.findByStaffNo(nameOrStaffNo).filter(Member::isCommittee).ifPresent(matches::add);
        if (matches.isEmpty()) {
            members.findAll().stream().filter(Member::isCommittee).filter(m -> m.name().equals(nameOrStaffNo))
                    .forEach(matches::add);
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
