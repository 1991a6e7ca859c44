package org.unionbot.core.poll;

import org.unionbot.core.member.PlatformIdentity;

/**
 * A platform's way of putting a ballot with buttons in front of one member in a private chat: WeCom's
 * {@code vote_interaction} card, DingTalk's interactive card. A click comes back through the platform's
 * callback as the member's own vote message, so the chat's one-member-one-vote path counts it. Reminders
 * to vote ({@link PollService#nudge}) try the presenters first and send the text reminder otherwise.
 */
public interface PollBallotPresenter {

    /**
     * Sends the member this poll's ballot on the identity's platform, if this presenter can.
     *
     * @return true when the ballot went out this way; false to let the text reminder go
     */
    boolean presentPrivately(PlatformIdentity voter, Poll poll);
}
