package org.unionbot.core.poll;

import org.unionbot.core.outbound.Recipient;

/**
 * A platform's richer way of showing an open poll in a group chat, such as DingTalk's interactive card
 * whose buttons vote. {@link PollAnnouncer} asks the presenters first and falls back to its text
 * announcement when none takes the group, so a platform without cards (or a custom group robot, which
 * cannot carry them) still gets the poll. Secret ballots are never offered to a presenter: a group only
 * learns how to vote privately.
 */
public interface PollGroupPresenter {

    /**
     * Shows the poll in the group if this presenter can.
     *
     * @return true when the group received the poll this way; false to let the text announcement go
     */
    boolean present(Recipient group, Poll poll);
}
