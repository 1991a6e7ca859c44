package org.unionbot.core.engine;

import org.unionbot.core.command.Privilege;

/**
 * A multi-step conversation that claims the member's next private messages ("发起投票" → question →
 * options → …, "我想提建议" → text → mode → confirmation).
 *
 * <p>A command starts the flow with {@link PendingFlows#start}; from then on the member's next private
 * message goes to {@link #resume} <em>before</em> command matching, so a step may be answered with any
 * text, even "2" or "建议". The engine keeps the flow's state in the {@code ConversationStateStore} (so
 * every instance sees it) and ends the flow on the escape words (取消, 退出), on a time-out (told to the
 * member on their next message) or when {@link #resume} returns {@link FlowStep.Finish}. 帮助 still shows
 * the help, with a reminder of the pending flow.
 *
 * <p>Commands implementing this interface are registered as flows automatically by {@link StandardEngine}.
 */
public interface ConversationFlow {

    /** Stable identifier stored with the state, e.g. "poll.create"; unique among flows. */
    String flowName();

    /** The flow's name as the member knows it, e.g. "发起投票", used in the exit and time-out notices. */
    String flowTitle();

    /**
     * Who may continue the flow; checked again on each step (a role may be withdrawn meanwhile). Flows
     * are for bound members: an unbound sender's messages are never dispatched to a flow.
     */
    default Privilege flowPrivilege() {
        return Privilege.MEMBER;
    }

    /**
     * Handles the member's next message.
     *
     * @param turn the message (its whole text is {@code turn.context().arguments()}) and the state the
     *     previous step left
     */
    FlowStep resume(FlowTurn turn);
}
