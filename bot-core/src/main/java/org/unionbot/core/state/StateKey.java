package org.unionbot.core.state;

import java.util.Objects;
import org.unionbot.core.message.InboundMessage;

/**
 * Names one piece of conversation state: the flow's name and whose conversation it belongs to
 * (platform, conversation, sender), so the same member's flows in a group and in private stay apart.
 */
public record StateKey(String flow, String owner) {
    public StateKey {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
    }

    public static StateKey of(String flow, InboundMessage message) {
        return new StateKey(flow, message.platform().code() + ":" + message.conversation().id() + ":"
                + message.senderId());
    }

    /** The single string under which stores keep the entry. */
    public String asString() {
        return flow + "|" + owner;
    }
}
