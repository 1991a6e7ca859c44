package org.unionbot.core.poll;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * The rules of polls, shared by the chat commands, the web voting page and the API: who may vote, one
 * vote per member, changes, closing, results, turnout and reminders.
 *
 * <p>Nothing here logs a choice together with a member: logs name the poll and the outcome only.
 */
public final class PollService {
    private static final System.Logger LOG = System.getLogger(PollService.class.getName());
    public static final String CLOSE_TASK = "poll-close";
    /** The "member" recorded in the audit trail when the scheduler closes a poll at its deadline. */
    public static final long SYSTEM = 0L;
    /** How long after a reminder to vote the same poll's non-voters are left alone (see {@link #nudge}). */
    public static final Duration NUDGE_INTERVAL = Duration.ofMinutes(10);
    static final String NUDGED = "nudged";

    private final PollRepository polls;
    private final MemberRepository members;
    private final TaskScheduler scheduler;
    private final OutboundPort outbound;
    private final Messages messages;
    private final Clock clock;
    private final VotingPolls votingPolls;
    /** Read at use: the platform adapters that present ballots are built after (and from) this service. */
    private final java.util.function.Supplier<List<PollBallotPresenter>> ballotPresenters;
    /** Read at close, for the same reason: platforms whose poll cards show the closed state. */
    private final java.util.function.Supplier<List<PollClosedListener>> closedListeners;

    public PollService(PollRepository polls, MemberRepository members, TaskScheduler scheduler,
                       OutboundPort outbound, Messages messages, Clock clock) {
        this(polls, members, scheduler, outbound, messages, clock, List::of);
    }

    public PollService(PollRepository polls, MemberRepository members, TaskScheduler scheduler,
                       OutboundPort outbound, Messages messages, Clock clock,
                       java.util.function.Supplier<List<PollBallotPresenter>> ballotPresenters) {
        this(polls, members, scheduler, outbound, messages, clock, ballotPresenters, List::of);
    }

    public PollService(PollRepository polls, MemberRepository members, TaskScheduler scheduler,
                       OutboundPort outbound, Messages messages, Clock clock,
                       java.util.function.Supplier<List<PollBallotPresenter>> ballotPresenters,
                       java.util.function.Supplier<List<PollClosedListener>> closedListeners) {
        this.ballotPresenters = ballotPresenters;
        this.closedListeners = closedListeners;
        this.polls = polls;
        this.members = members;
        this.scheduler = scheduler;
        this.outbound = outbound;
        this.messages = messages;
        this.clock = clock;
        this.votingPolls = new VotingPolls(polls, VotingPolls.TIME_TO_LIVE);
    }

    public Clock clock() {
        return clock;
    }

    public Messages messages() {
        return messages;
    }

    public MemberRepository members() {
        return members;
    }

    /** What a reminder to vote ({@link #nudge}) did. */
    public sealed interface Nudge {
        /** Sent privately to this many non-voters: a number only, never who (secret polls stay secret). */
        record Sent(int reminded) implements Nudge {}

        /** The poll is closed; nobody was reminded. */
        record Closed() implements Nudge {}

        /** The poll's non-voters were reminded at {@code last}; nobody is reminded again before {@code next}. */
        record TooSoon(Instant last, Instant next) implements Nudge {}
    }

    /** A vote's result, with the receipt code shown once to the voter. */
    public record VoteResult(VoteOutcome outcome, Poll poll, Choices choices, String receiptCode, String ballotId) {}

    /**
     * Opens the poll: fixes the electorate and secrecy, schedules the close at the deadline.
     *
     * @throws IllegalArgumentException when the electorate is empty, the deadline has passed or a secret poll
     *     asks for a live tally
     */
    public Poll open(PollDraft draft, Member creator) {
        refuseLiveTallyOfSecretBallot(draft);
        Instant now = clock.instant();
        if (!draft.deadline().isAfter(now)) {
            throw new IllegalArgumentException("the deadline has passed");
        }
        Set<Long> electorate = draft.electorate().resolve(members);
        if (electorate.isEmpty()) {
            throw new IllegalArgumentException("nobody is in the electorate");
        }
        long id = polls.create(draft, electorate, creator.id(), now);
        scheduler.scheduleOnce(closeKey(id), draft.deadline());
        LOG.log(Level.INFO, "poll {0} opened; electorate={1}", String.valueOf(id), electorate.size());
        return polls.find(id).orElseThrow();
    }

    /**
     * Edits an open poll until its first vote; an edited electorate is re-resolved (nobody has voted yet). The
     * repository re-checks "no vote yet" under the poll's lock, so a vote arriving meanwhile wins.
     *
     * @throws IllegalArgumentException when the new deadline has passed, the new electorate is empty or a secret
     *     poll asks for a live tally
     */
    public boolean edit(long pollId, PollDraft draft, Member editor) {
        Poll poll = polls.find(pollId).orElseThrow();
        refuseLiveTallyOfSecretBallot(draft);
        if (!poll.isOpen() || !polls.voters(pollId).isEmpty()) {
            return false;
        }
        if (!draft.deadline().isAfter(clock.instant())) {
            throw new IllegalArgumentException("the deadline has passed");
        }
        // The snapshot taken at opening stays unless the electorate itself was edited: roster changes
        // since the opening must not slip in through an edit of, say, the deadline.
        Set<Long> electorate = draft.electorate().equals(poll.spec().electorate())
                ? new java.util.LinkedHashSet<>(polls.electorate(pollId)) : draft.electorate().resolve(members);
        if (electorate.isEmpty()) {
            throw new IllegalArgumentException("nobody is in the electorate");
        }
        boolean edited = polls.edit(pollId, draft, electorate, editor.id(), clock.instant());
        votingPolls.forget(pollId);
        if (edited) {
            scheduler.scheduleOnce(closeKey(pollId), draft.deadline());
        }
        return edited;
    }

    /**
     * The check every way of opening or editing a poll meets (chat, API, console, code), whatever its own form
     * already refused. The message is the Chinese explanation, so a caller may show it as it is.
     */
    private void refuseLiveTallyOfSecretBallot(PollDraft draft) {
        if (draft.liveTallyOfSecretBallot()) {
            throw new IllegalArgumentException(messages.get(PollDraft.SECRET_LIVE_KEY));
        }
    }

    public Optional<Poll> find(long pollId) {
        return polls.find(pollId);
    }

    public List<Poll> openPollsFor(Member member) {
        return polls.openPollsFor(member.id());
    }

    /**
     * The poll as the vote path reads it: from a short-lived cache of this instance (see
     * {@link VotingPolls}), so that a vote costs no poll read. Never use it to decide anything the
     * database has not re-checked: {@link #vote} writes only if the stored poll is still open and unchanged.
     */
    public Optional<Poll> findForVote(long pollId) {
        return votingPolls.find(pollId);
    }

    /**
     * Casts or changes the member's vote. For a secret poll a change needs the receipt code of the first
     * vote: it is the only thing that leads to the member's ballot, and only the voter has it.
     */
    public VoteResult vote(long pollId, Member member, Choices choices, String receiptCode) {
        return vote(votingPolls.find(pollId).orElseThrow(), member, choices, receiptCode);
    }

    /**
     * As {@link #vote(long, Member, Choices, String)} with the poll already read (perhaps from the cache).
     * Open status, the options the choices were checked against and eligibility are re-checked by the
     * database in the statement that writes the participation, so a poll closed or edited meanwhile, on
     * any instance, still refuses.
     */
    public VoteResult vote(Poll poll, Member member, Choices choices, String receiptCode) {
        long pollId = poll.id();
        if (!poll.isOpen() || !clock.instant().isBefore(poll.spec().deadline())) {
            return new VoteResult(VoteOutcome.CLOSED, poll, choices, null, null);
        }
        String receipt = Receipts.newReceiptCode();
        String ballotId = Receipts.newBallotId();
        PollRepository.Cast cast = polls.cast(poll, member.id(), ballotId, choices, Receipts.hash(pollId, receipt),
                clock.instant());
        switch (cast) {
            case RECORDED:
                return new VoteResult(VoteOutcome.RECORDED, poll, choices, receipt, ballotId);
            case NOT_ELIGIBLE:
                return new VoteResult(VoteOutcome.NOT_ELIGIBLE, poll, choices, null, null);
            case CLOSED:
            case STALE:
                // Closed or edited by another instance since this one cached it: read it again next time.
                // STALE can only happen before the first vote (edits stop then); the member is told it is
                // closed for voting now, which is true of the poll they saw.
                votingPolls.forget(pollId);
                return new VoteResult(VoteOutcome.CLOSED, poll, choices, null, null);
            default:
                break; // ALREADY_VOTED: a change, if the poll allows it
        }
        if (!poll.spec().allowChange()) {
            return new VoteResult(VoteOutcome.ALREADY_VOTED, poll, choices, null, null);
        }
        if (!poll.secret()) {
            return polls.changeNamed(pollId, member.id(), choices)
                    ? new VoteResult(VoteOutcome.CHANGED, poll, choices, null, null)
                    : new VoteResult(VoteOutcome.ALREADY_VOTED, poll, choices, null, null);
        }
        if (receiptCode != null && polls.changeSecret(pollId, member.id(), Receipts.hash(pollId, receiptCode), choices)) {
            return new VoteResult(VoteOutcome.CHANGED, poll, choices, receiptCode, null);
        }
        return new VoteResult(VoteOutcome.ALREADY_VOTED, poll, choices, null, null);
    }

    /** Closes the poll (by command or at the deadline) and announces the result; a second close does nothing. */
    public Optional<PollResult> close(long pollId, long closedBy) {
        boolean closed = polls.close(pollId, closedBy, clock.instant());
        votingPolls.forget(pollId);
        if (!closed) {
            return Optional.empty();
        }
        scheduler.cancel(closeKey(pollId));
        PollResult result = result(pollId);
        LOG.log(Level.INFO, "poll {0} closed; voted={1} of {2}", String.valueOf(pollId), result.voted(),
                result.electorate());
        announce(result);
        tellClosed(result);
        return Optional.of(result);
    }

    public PollResult result(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow();
        return PollResult.tally(poll, polls.electorate(pollId).size(), polls.ballots(pollId).values());
    }

    /** May this member see the tally now? */
    public boolean mayViewResult(Poll poll, Member member) {
        if (member.isCommittee()) {
            return true;
        }
        boolean inElectorate = polls.inElectorate(poll.id(), member.id());
        return switch (poll.spec().visibilityInForce()) {
            case LIVE -> inElectorate;
            case AFTER_CLOSE -> inElectorate && !poll.isOpen();
            case COMMITTEE -> false;
        };
    }

    /** Turnout: names of non-voters for named polls, only the count for secret ones. */
    public record Turnout(Poll poll, int electorate, int voted, List<String> nonVoterNames) {}

    public Turnout turnout(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow();
        List<Long> electorate = polls.electorate(pollId);
        Set<Long> voters = polls.voters(pollId);
        List<String> names = List.of();
        if (!poll.secret()) {
            names = electorate.stream().filter(id -> !voters.contains(id))
                    .map(id -> members.findById(id).map(Member::name).orElse("?")).toList();
        }
        return new Turnout(poll, electorate.size(), voters.size(), names);
    }

    /**
     * Reminds every non-voter privately. Works for secret polls too: that a member has not voted yet is
     * known to the bot (participation is recorded), it is only never shown to the committee.
     *
     * <p>At most once per {@link #NUDGE_INTERVAL} and poll, whoever asks and from where (提醒投票 in chat,
     * the console's button): two committee members pressing within minutes of each other would otherwise
     * send every teacher who has not voted the same message twice. The last "nudged" entry of the poll's
     * audit trail is the memory, so the limit holds across restarts and instances without a table of its own.
     */
    public Nudge nudge(long pollId, long byMember) {
        Poll poll = polls.find(pollId).orElseThrow();
        if (!poll.isOpen()) {
            return new Nudge.Closed();
        }
        Instant now = clock.instant();
        // Recorded before sending, in one step with the check (the repository makes it one for all
        // instances), so a second press arriving while the reminders go out is refused, not sent twice.
        Optional<Instant> last = polls.auditUnlessRecent(pollId, byMember, NUDGED, now, NUDGE_INTERVAL);
        if (last.isPresent()) {
            return new Nudge.TooSoon(last.get(), last.get().plus(NUDGE_INTERVAL));
        }
        Set<Long> voters = polls.voters(pollId);
        Reply.Say text = Reply.text(messages.get("poll.nudge.text", poll.title(), id(poll), deadline(poll)));
        int reminded = 0;
        for (long memberId : polls.electorate(pollId)) {
            if (!voters.contains(memberId) && remindToVote(memberId, poll, text)) {
                reminded++;
            }
        }
        return new Nudge.Sent(reminded);
    }

    /** The Chinese refusal of a nudge that came too soon, for chat and console alike. */
    public String nudgeTooSoon(Poll poll, Nudge.TooSoon refused) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone());
        return messages.get("poll.nudge.tooSoon", poll.title(), hhmm.format(refused.last()),
                String.valueOf(NUDGE_INTERVAL.toMinutes()), hhmm.format(refused.next()));
    }

    /** The ballot a receipt code stands for, for the voter to check. */
    public Optional<String> ballotIdByReceipt(long pollId, String receiptCode) {
        return polls.ballotIdByReceipt(pollId, Receipts.hash(pollId, receiptCode));
    }

    public PollRepository repository() {
        return polls;
    }

    /** Only the close that won gets here, so each listener hears of a poll's close once. */
    private void tellClosed(PollResult result) {
        for (PollClosedListener listener : closedListeners.get()) {
            try {
                listener.pollClosed(result);
            } catch (RuntimeException failed) {
                // the poll is closed and announced; a card left showing "open" is fixed by the next click
                LOG.log(Level.WARNING, "poll {0}: a close listener failed: {1}", String.valueOf(result.poll().id()),
                        failed.toString());
            }
        }
    }

    /** Sends the result to the electorate privately (or to the committee for committee-only results). */
    private void announce(PollResult result) {
        Poll poll = result.poll();
        Reply.Say text = Reply.text(renderResult(result));
        List<Long> audience = new ArrayList<>();
        if (poll.spec().visibility() == Visibility.COMMITTEE) {
            members.findAll().stream().filter(Member::isCommittee).forEach(m -> audience.add(m.id()));
        } else {
            audience.addAll(polls.electorate(poll.id()));
            if (!audience.contains(poll.createdBy())) {
                audience.add(poll.createdBy());
            }
        }
        int sent = 0;
        for (long memberId : audience) {
            sent += sendPrivately(memberId, text) ? 1 : 0;
        }
        LOG.log(Level.INFO, "poll {0} result announced to {1} members", String.valueOf(poll.id()), sent);
    }

    /** The ballot with buttons where the member's platform has them, else the text reminder. */
    private boolean remindToVote(long memberId, Poll poll, Reply.Say text) {
        List<PollBallotPresenter> presenters = ballotPresenters.get();
        for (PlatformIdentity identity : members.identitiesOf(memberId)) {
            for (PollBallotPresenter presenter : presenters) {
                try {
                    if (presenter.presentPrivately(identity, poll)) {
                        return true;
                    }
                } catch (RuntimeException failed) {
                    // a card that cannot be built or sent must not cost the member the reminder
                    LOG.log(Level.WARNING, "ballot card on {0} failed; sending the text reminder: {1}",
                            identity.platform().code(), failed.toString());
                }
            }
        }
        return sendPrivately(memberId, text);
    }

    private boolean sendPrivately(long memberId, Reply.Say text) {
        List<PlatformIdentity> identities = members.identitiesOf(memberId);
        for (PlatformIdentity identity : identities) {
            try {
                outbound.deliver(new Recipient(identity.platform(),
                        Conversation.privateWith(identity.platformUserId()), identity.platformUserId()), text);
                return true;
            } catch (DeliveryException failed) {
                LOG.log(Level.DEBUG, "delivery on {0} failed; trying the member's next platform",
                        identity.platform().code());
            }
        }
        return false;
    }

    /** The result in words, including the rule applied and whether it was met. */
    public String renderResult(PollResult r) {
        Poll poll = r.poll();
        PollDraft spec = poll.spec();
        StringBuilder b = new StringBuilder();
        b.append(messages.get(poll.isOpen() ? "poll.result.headerOpen" : "poll.result.header", poll.title(), id(poll)));
        b.append('\n').append(messages.get("poll.result.turnout", String.valueOf(r.voted()),
                String.valueOf(r.electorate())));
        for (int option : r.optionNumbers()) {
            String label = spec.options().get(option - 1);
            if (spec.kind() == PollKind.RATING) {
                b.append('\n').append(messages.get("poll.result.rating", String.valueOf(option), label,
                        String.format("%.2f", r.averages()[option - 1]), String.valueOf(spec.scaleMax())));
            } else {
                b.append('\n').append(messages.get("poll.result.line", String.valueOf(option), label,
                        String.valueOf(r.count(option))));
            }
        }
        if (spec.quorum() != null) {
            b.append('\n').append(messages.get("poll.rule.quorum", String.valueOf(spec.quorum().numerator()),
                    String.valueOf(spec.quorum().denominator()),
                    messages.get(r.quorumMet() ? "poll.rule.met" : "poll.rule.notMet")));
        }
        if (spec.threshold() != null) {
            b.append('\n').append(messages.get("poll.rule.threshold", describe(spec.threshold())));
        } else {
            b.append('\n').append(messages.get("poll.rule.plurality"));
        }
        if (!poll.isOpen()) {
            String outcome;
            if (!r.quorumMet()) {
                outcome = messages.get("poll.outcome.noQuorum");
            } else if (spec.kind() == PollKind.RESOLUTION) {
                outcome = messages.get(r.winners().contains(1) ? "poll.outcome.passed" : "poll.outcome.rejected");
            } else if (r.winners().isEmpty()) {
                outcome = messages.get("poll.outcome.none");
            } else {
                outcome = messages.get("poll.outcome.winners", r.winners().stream()
                        .map(o -> spec.options().get(o - 1)).collect(Collectors.joining("、")));
            }
            b.append('\n').append(outcome);
        }
        return b.toString();
    }

    public String describe(Rules.Threshold t) {
        return messages.get("poll.threshold." + t.basis().name() + (t.strict() ? ".strict" : ""),
                String.valueOf(t.numerator()), String.valueOf(t.denominator()));
    }

    public String id(Poll poll) {
        return String.valueOf(poll.id());
    }

    public String deadline(Poll poll) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone()).format(poll.spec().deadline());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    static TaskKey closeKey(long pollId) {
        return new TaskKey(CLOSE_TASK, String.valueOf(pollId));
    }
}
