package org.unionbot.adapter.dingtalk;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.poll.Poll;

/**
 * 投票卡片 [#编号] (committee): announces a poll on DingTalk as interactive cards (or ActionCards).
 *
 * <ul>
 *   <li>Said in a DingTalk group: one card into that group, whose clicks become private votes and whose tally
 *       updates while the poll runs. A secret poll is never put into a group: it goes privately to each
 *       elector instead, and the group only hears that.
 *   <li>Said privately: a private card to every member of the electorate bound on DingTalk.
 * </ul>
 */
final class PollCardCommand implements Command {
    private static final Pattern REF = Pattern.compile("[#＃]?(\\d{1,12})");

    private final DingTalkPollCards cards;
    private final DingTalkSettings settings;
    private final SessionWebhooks webhooks;
    private final CommandSpec spec;

    PollCardCommand(DingTalkPollCards cards, DingTalkSettings settings, SessionWebhooks webhooks) {
        this.cards = cards;
        this.settings = settings;
        this.webhooks = webhooks;
        this.spec = new CommandSpec("投票卡片", List.of("发投票卡片"), DingTalkTexts.get("poll.card.command.usage"),
                DingTalkTexts.get("poll.card.command.summary"), Privilege.COMMITTEE, Locality.ANY);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        InboundMessage message = context.message();
        if (message.platform() != Platform.DINGTALK || settings.apps().isEmpty()) {
            return Reply.text(DingTalkTexts.get("poll.card.command.notDingTalk"));
        }
        Optional<Poll> found = pick(context.arguments());
        if (found.isEmpty()) {
            return Reply.text(DingTalkTexts.get("poll.card.command.noPoll"));
        }
        Poll poll = found.get();
        String id = String.valueOf(poll.id());
        if (!poll.isOpen()) {
            return Reply.text(DingTalkTexts.format("poll.card.command.closed", id));
        }
        boolean group = message.conversation().isGroup();
        DingTalkSettings.App app = webhooks.last(group, message.conversation().id(), message.senderId())
                .map(SessionWebhooks.Last::app).orElse(settings.apps().get(0));
        if (group && !poll.secret()) {
            DingTalkPollCards.Sent sent = cards.toGroup(app, message.conversation().id(), poll);
            return Reply.text(DingTalkTexts.format(sent.failed() == 0 ? "poll.card.command.group"
                    : "poll.card.command.groupFailed", id, poll.title()));
        }
        DingTalkPollCards.Sent sent = cards.toElectorate(app, poll);
        int delivered = sent.cards() + sent.actionCards();
        if (group) {
            // Nothing about the ballot in the group beyond that it went out privately.
            return Reply.text(DingTalkTexts.format("poll.card.command.secretInGroup", id, String.valueOf(delivered)));
        }
        String failedPart = sent.failed() == 0 ? ""
                : DingTalkTexts.format("poll.card.command.failedPart", String.valueOf(sent.failed()));
        return Reply.text(DingTalkTexts.format("poll.card.command.private", id, poll.title(),
                String.valueOf(delivered), failedPart));
    }

    /** "#12" names the poll; without it, the only open poll. */
    private Optional<Poll> pick(String arguments) {
        Matcher m = REF.matcher(arguments == null ? "" : arguments.strip());
        if (m.lookingAt()) {
            return cards.polls().find(Long.parseLong(m.group(1)));
        }
        List<Poll> open = cards.polls().repository().recent(20).stream().filter(Poll::isOpen).toList();
        return open.size() == 1 ? Optional.of(open.get(0)) : Optional.empty();
    }
}
