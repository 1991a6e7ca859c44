package org.unionbot.core.message;

import java.util.Objects;

/**
 * Where a message was said: a private chat or a group, with the platform's id for it (for a private
 * chat the sender's own id is fine).
 */
public record Conversation(ConversationKind kind, String id) {
    public Conversation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Conversation privateWith(String userId) {
        return new Conversation(ConversationKind.PRIVATE, userId);
    }

    public static Conversation group(String groupId) {
        return new Conversation(ConversationKind.GROUP, groupId);
    }

    public boolean isGroup() {
        return kind == ConversationKind.GROUP;
    }
}
