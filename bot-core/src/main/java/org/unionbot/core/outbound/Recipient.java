package org.unionbot.core.outbound;

import java.util.Objects;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;

/** Where an outbound message goes: a platform, a conversation there, and the user it is meant for. */
public record Recipient(Platform platform, Conversation conversation, String platformUserId) {
    public Recipient {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(platformUserId, "platformUserId");
    }

    @Override
    public String toString() {
        return "Recipient[" + platform.code() + ", " + conversation.kind() + "]";
    }
}
