package org.unionbot.core.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.BareNumberClaimant;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.Reply;

/**
 * Voting by reply: "投票" shows the member's open ballots; "2", "投 2", "选 1,3", "赞成", "5 4 3",
 * optionally with "#12" for the poll and the receipt code to change a secret vote.
 *
 * <p>A secret ballot is never taken in a group: the answer there only points to the private chat and
 * says nothing about the poll or the sender. Retries of the same platform message never reach this
 * command twice (the engine's duplicate guard); a second, distinct "2" is a change (if allowed) or is
 * refused, because participation is unique per (poll, member) in the database.
 */
public final class VoteCommand implements Command {
    /** Bare numbers a member may answer with; larger ballots start with 投 or 选. */
    static final List<String> DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    private final PollService service;
    private final Messages messages;
    private final List<BareNumberClaimant> claimants;
    private final CommandSpec spec;

    public VoteCommand(PollService service, List<BareNumberClaimant> claimants) {
        this.service = service;
        this.messages = service.messages();
        this.claimants = List.copyOf(claimants);
        List<String> aliases = new ArrayList<>(List.of("投", "选", "我选", "改票", "赞成", "反对", "弃权"));
        aliases.addAll(DIGITS);
        this.spec = new CommandSpec("投票", aliases, messages.get("poll.vote.usage"),
                messages.get("poll.vote.summary"), Privilege.MEMBER, Locality.ANY);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        String text = context.message().text().strip();
        boolean bareNumber = !text.isEmpty() && Character.isDigit(text.charAt(0));
        if (bareNumber) {
            for (BareNumberClaimant claimant : claimants) {
                Optional<Reply> claimed = claimant.claim(context);
                if (claimed.isPresent()) {
                    return claimed.get();
                }
            }
        }
        Member member = context.requireMember();
        boolean inGroup = context.message().conversation().isGroup();
        BallotParser.Parsed parsed = BallotParser.split(text);
        Poll poll;
        if (parsed.pollId() != null) {
            // "#12" names the poll: no list of the member's open polls, and the poll itself comes from the
            // vote path's cache (the hot path of a vote; the write re-checks it in the database)
            Optional<Poll> named = service.findForVote(parsed.pollId());
            boolean votable = named.isPresent() && named.get().isOpen()
                    && (!inGroup || (!named.get().secret() && service.repository().inElectorate(named.get().id(), member.id())));
            if (!votable) {
                if (inGroup) {
                    return Reply.text(messages.get("poll.vote.group.private"));
                }
                if (named.isEmpty()) {
                    return Reply.text(messages.get("poll.vote.noSuchPoll", String.valueOf(parsed.pollId())));
                }
                return Reply.text(messages.get("poll.vote.closed", named.get().title()));
            }
            poll = named.get();
            if (parsed.body().isEmpty() && !service.repository().inElectorate(poll.id(), member.id())) {
                return Reply.text(messages.get("poll.vote.notEligible", poll.title()));
            }
        } else {
            List<Poll> open = service.openPollsFor(member);
            if (open.size() == 1) {
                poll = open.get(0);
            } else if (open.isEmpty()) {
                return Reply.text(messages.get(inGroup ? "poll.vote.group.private" : "poll.vote.none"));
            } else {
                if (inGroup) {
                    return Reply.text(messages.get("poll.vote.group.private"));
                }
                return Reply.text(messages.get("poll.vote.which") + "\n" + PollCommandSupport.list(service, open));
            }
        }

        if (inGroup && poll.secret()) {
            // Nothing revealed: not the poll, not whether the sender voted, not the choice typed.
            return Reply.text(messages.get("poll.vote.group.private"));
        }
        if (parsed.body().isEmpty()) {
            return Reply.text(PollCommandSupport.ballot(service, poll));
        }
        Optional<Choices> choices = BallotParser.parse(poll.spec(), parsed.body());
        if (choices.isEmpty()) {
            return Reply.text(messages.get("poll.vote.invalid") + "\n" + PollCommandSupport.ballot(service, poll));
        }
        PollService.VoteResult result = service.vote(poll, member, choices.get(), parsed.receipt());
        if (result.outcome() == VoteOutcome.CLOSED && poll.isOpen()) {
            // Refused although the poll looked open: past its deadline, closed, or edited (before its first
            // vote) by another instance since it was read. Edited: check the choices against the poll as it
            // is now and try once more, rather than calling an open poll closed.
            Optional<Poll> now = service.findForVote(poll.id());
            if (now.isPresent() && now.get().isOpen() && !now.get().spec().equals(poll.spec())) {
                Optional<Choices> again = BallotParser.parse(now.get().spec(), parsed.body());
                if (again.isEmpty()) {
                    return Reply.text(messages.get("poll.vote.invalid") + "\n"
                            + PollCommandSupport.ballot(service, now.get()));
                }
                result = service.vote(now.get(), member, again.get(), parsed.receipt());
            }
        }
        // A secret vote's answer names the choice and the receipt code: sealed wherever it is kept.
        return result.poll().secret() ? Reply.confidentialText(render(result)) : Reply.text(render(result));
    }

    private String render(PollService.VoteResult r) {
        Poll poll = r.poll();
        String chosen = describe(poll, r.choices());
        return switch (r.outcome()) {
            case RECORDED -> messages.get("poll.vote.recorded", poll.title(), chosen)
                    + "\n" + messages.get("poll.vote.receipt", r.receiptCode(), r.ballotId(), service.id(poll))
                    + (poll.secret() && poll.spec().allowChange()
                            ? "\n" + messages.get("poll.vote.changeHint.secret") : "");
            case CHANGED -> messages.get("poll.vote.changed", poll.title(), chosen);
            case ALREADY_VOTED -> messages.get(!poll.spec().allowChange() ? "poll.vote.already"
                    : poll.secret() ? "poll.vote.needReceipt" : "poll.vote.already", poll.title());
            case NOT_ELIGIBLE -> messages.get("poll.vote.notEligible", poll.title());
            case CLOSED -> messages.get("poll.vote.closed", poll.title());
        };
    }

    static String describe(Poll poll, Choices choices) {
        List<String> parts = new ArrayList<>();
        List<String> options = poll.spec().options();
        if (poll.kind() == PollKind.RATING) {
            for (int i = 0; i < options.size(); i++) {
                parts.add(options.get(i) + " " + choices.values().get(i));
            }
        } else {
            for (int option : choices.values()) {
                parts.add(option + "." + options.get(option - 1));
            }
        }
        return String.join("、", parts);
    }
}
