package org.unionbot.core.poll;

/**
 * Told once when a poll closes (by command or at its deadline), after the result has been announced: a
 * platform that showed the poll as something it can still change (DingTalk's interactive cards) brings it
 * to the closed state. Called only by the instance whose close won; a failure is logged and never undoes
 * the close.
 */
public interface PollClosedListener {

    void pollClosed(PollResult result);
}
