package org.unionbot.core.feedback;

/**
 * What a committee action did, for callers other than chat (the console): {@code done} when something
 * changed (so the console audits only real changes), and the answer to show, the same text chat gives.
 */
public record ActionResult(boolean done, String text) {

    static ActionResult yes(String text) {
        return new ActionResult(true, text);
    }

    static ActionResult no(String text) {
        return new ActionResult(false, text);
    }
}
