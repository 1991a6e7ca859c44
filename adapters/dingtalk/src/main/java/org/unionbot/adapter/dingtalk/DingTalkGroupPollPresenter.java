package org.unionbot.adapter.dingtalk;

import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollGroupPresenter;

/**
 * Lets the core's poll announcements reach a DingTalk group as the interactive card (or the ActionCard
 * where no card template is configured), so a poll named with 公告群 at creation can be voted on with a
 * click, like one sent with {@code 投票卡片}. Custom group robots ({@code robot:<name>}) cannot carry
 * cards, so those groups keep the text announcement; so does a failed delivery.
 */
final class DingTalkGroupPollPresenter implements PollGroupPresenter {
    private final DingTalkPollCards cards;
    private final DingTalkSettings settings;

    DingTalkGroupPollPresenter(DingTalkPollCards cards, DingTalkSettings settings) {
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
}
