package org.unionbot.adapter.dingtalk;

import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollBallotPresenter;
import org.unionbot.core.poll.PollGroupPresenter;

/**
 * Lets the core's poll features use DingTalk's cards: a poll announced at creation (公告群) to a DingTalk
 * group conversation goes out as the interactive card (or the ActionCard where no card template is
 * configured), and a reminder to vote (提醒投票) reaches a DingTalk member as their own card or signed
 * ActionCard, like {@code 投票卡片}. Custom group robots ({@code robot:<name>}) cannot carry cards, so those
 * groups keep the text announcement; so does a failed delivery. Secret ballots never go into a group.
 */
final class DingTalkPollPresenter implements PollGroupPresenter, PollBallotPresenter {
    private final DingTalkPollCards cards;
    private final DingTalkSettings settings;

    DingTalkPollPresenter(DingTalkPollCards cards, DingTalkSettings settings) {
        this.cards = cards;
        this.settings = settings;
    }

    @Override
    public boolean present(Recipient group, Poll poll) {
        String conversation = group.conversation().id();
        if (group.platform() != Platform.DINGTALK || poll.secret() || settings.apps().isEmpty()
                || conversation.startsWith("robot:")) {
            return false;
        }
        // The group channel names an openConversationId the union's robot was added to; the first app's
        // robot is the one a school configures for its groups.
        DingTalkPollCards.Sent sent = cards.toGroup(settings.apps().get(0), conversation, poll);
        return sent.failed() == 0 && sent.cards() + sent.actionCards() > 0;
    }

    @Override
    public boolean presentPrivately(PlatformIdentity voter, Poll poll) {
        if (voter.platform() != Platform.DINGTALK || settings.apps().isEmpty()) {
            return false;
        }
        // a card or, without a template, an ActionCard with the member's signed link; a failure throws and
        // the core sends the text reminder instead
        cards.toMember(settings.apps().get(0), poll, voter.memberId(), voter.platformUserId());
        return true;
    }
}
