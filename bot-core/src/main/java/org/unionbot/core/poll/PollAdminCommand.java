package org.unionbot.core.poll;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.Reply;

/**
 * The poll commands that act on one poll ("#12", or the only open one): close, results, turnout,
 * reminders, receipts and the published ballot list. One class, one {@link Action} per command, so the
 * poll lookup and its answers are written once.
 */
public final class PollAdminCommand implements Command {

    public enum Action { CLOSE, RESULT, TURNOUT, NUDGE, RECEIPT, BALLOTS }

    /** Ballots shown in chat; the full list is in the export. */
    static final int BALLOTS_SHOWN = 50;

    private final PollService service;
    private final Messages messages;
    private final Action action;
    private final CommandSpec spec;
    private final PollAnnouncer announcer;

    public PollAdminCommand(PollService service, Action action) {
        this(service, action, null);
    }

    /** With an announcer, 结束投票 also posts the result to the poll's group chats. */
    public PollAdminCommand(PollService service, Action action, PollAnnouncer announcer) {
        this.service = service;
        this.announcer = announcer;
        this.messages = service.messages();
        this.action = action;
        this.spec = switch (action) {
            case CLOSE -> spec("结束投票", List.of("关闭投票"), Privilege.COMMITTEE, Locality.ANY);
            case RESULT -> spec("投票结果", List.of("计票"), Privilege.MEMBER, Locality.ANY);
            case TURNOUT -> spec("还有谁没投票", List.of("投票进度", "谁没投票"), Privilege.COMMITTEE, Locality.PRIVATE);
            case NUDGE -> spec("提醒投票", List.of("催票"), Privilege.COMMITTEE, Locality.PRIVATE);
            case RECEIPT -> spec("查回执", List.of("核对选票"), Privilege.MEMBER, Locality.PRIVATE);
            case BALLOTS -> spec("选票公示", List.of("公示选票"), Privilege.MEMBER, Locality.ANY);
        };
    }

    private CommandSpec spec(String name, List<String> aliases, Privilege privilege, Locality locality) {
        String k = "poll." + action.name().toLowerCase(java.util.Locale.ROOT);
        return new CommandSpec(name, aliases, messages.get(k + ".usage"), messages.get(k + ".summary"),
                privilege, locality);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        Member member = context.requireMember();
        String args = context.arguments();
        String receipt = null;
        if (action == Action.RECEIPT) {
            BallotParser.Parsed parsed = BallotParser.split(args);
            receipt = parsed.receipt();
            if (receipt == null) {
                return Reply.text(messages.get("poll.receipt.usageHint"));
            }
            args = parsed.pollId() == null ? "" : "#" + parsed.pollId();
        }
        boolean committeeWide = action != Action.RECEIPT && (member.isCommittee() || action == Action.BALLOTS);
        PollCommandSupport.Pick pick = PollCommandSupport.pick(service, args, member, committeeWide);
        if (pick instanceof PollCommandSupport.None) {
            return Reply.text(messages.get("poll.admin.none"));
        }
        if (pick instanceof PollCommandSupport.Ambiguous ambiguous) {
            return Reply.text(messages.get("poll.admin.which", spec.name()) + "\n"
                    + PollCommandSupport.list(service, ambiguous.candidates()));
        }
        Poll poll = ((PollCommandSupport.Found) pick).poll();
        return switch (action) {
            case CLOSE -> close(poll, member);
            case RESULT -> result(poll, member, context.message().conversation().isGroup());
            case TURNOUT -> turnout(poll);
            case NUDGE -> nudge(poll, member);
            case RECEIPT -> service.ballotIdByReceipt(poll.id(), receipt)
                    // the answer pairs the sender with a ballot's choice: kept only sealed
                    .map(id -> (Reply) Reply.confidentialText(messages.get("poll.receipt.found", poll.title(), id,
                            VoteCommand.describe(poll, service.repository().ballots(poll.id()).get(id)))))
                    .orElse(Reply.text(messages.get("poll.receipt.notFound", poll.title())));
            case BALLOTS -> ballots(poll, member);
        };
    }

    private Reply close(Poll poll, Member member) {
        var closed = announcer != null ? announcer.close(poll.id(), member.id()) : service.close(poll.id(), member.id());
        return closed
                .map(result -> Reply.text(service.renderResult(result)))
                .orElse(Reply.text(messages.get("poll.close.already", poll.title())));
    }

    private Reply nudge(Poll poll, Member member) {
        PollService.Nudge nudge = service.nudge(poll.id(), member.id());
        if (nudge instanceof PollService.Nudge.Sent sent) {
            return Reply.text(messages.get("poll.nudge.done", poll.title(), String.valueOf(sent.reminded())));
        }
        if (nudge instanceof PollService.Nudge.TooSoon soon) {
            return Reply.text(service.nudgeTooSoon(poll, soon));
        }
        return Reply.text(messages.get("poll.nudge.closed", poll.title()));
    }

    /**
     * The tally, to whom the poll's visibility allows it. A group chat is read by whoever is in it, electors
     * or not, so there a running tally is never shown (ask privately), and a committee-only result never at all.
     */
    private Reply result(Poll poll, Member member, boolean inGroup) {
        Visibility visibility = poll.spec().visibilityInForce();
        if (visibility == Visibility.COMMITTEE && (inGroup || !member.isCommittee())) {
            return Reply.text(messages.get("poll.result.denied", poll.title()));
        }
        if (!service.mayViewResult(poll, member)) {
            boolean elector = service.repository().inElectorate(poll.id(), member.id());
            return Reply.text(messages.get(elector ? "poll.result.notYet" : "poll.result.notElector", poll.title()));
        }
        if (inGroup && poll.isOpen()) {
            return Reply.text(messages.get("poll.result.privately", poll.title(), service.id(poll)));
        }
        return Reply.text(service.renderResult(service.result(poll.id())));
    }

    private Reply turnout(Poll poll) {
        PollService.Turnout t = service.turnout(poll.id());
        String head = messages.get("poll.turnout.head", poll.title(), String.valueOf(t.voted()),
                String.valueOf(t.electorate()), String.valueOf(t.electorate() - t.voted()));
        if (poll.secret()) {
            return Reply.text(head + "\n" + messages.get("poll.turnout.secret", service.id(poll)));
        }
        if (t.nonVoterNames().isEmpty()) {
            return Reply.text(head);
        }
        return Reply.text(head + "\n" + messages.get("poll.turnout.names", String.join("、", t.nonVoterNames()),
                service.id(poll)));
    }

    /**
     * The anonymised ballot list, published only after close: while a poll runs, watching the list grow
     * right after a colleague said "I just voted" would tell what they chose.
     */
    private Reply ballots(Poll poll, Member member) {
        if (poll.isOpen()) {
            return Reply.text(messages.get("poll.ballots.notYet", poll.title()));
        }
        if (!service.mayViewResult(poll, member)) {
            return Reply.text(messages.get("poll.result.denied", poll.title()));
        }
        var ballots = service.repository().ballots(poll.id());
        StringBuilder b = new StringBuilder(messages.get("poll.ballots.head", poll.title(),
                String.valueOf(ballots.size())));
        int shown = 0;
        for (var entry : ballots.entrySet()) {
            if (shown++ == BALLOTS_SHOWN) {
                b.append('\n').append(messages.get("poll.ballots.more", String.valueOf(ballots.size() - BALLOTS_SHOWN)));
                break;
            }
            b.append('\n').append(entry.getKey()).append("  ").append(VoteCommand.describe(poll, entry.getValue()));
        }
        return Reply.text(b.toString());
    }
}
