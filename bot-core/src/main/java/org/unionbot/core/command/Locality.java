package org.unionbot.core.command;

import org.unionbot.core.message.ConversationKind;

/** Where a command may be used. Personal data and secret ballots belong in private chats only. */
public enum Locality {
    PRIVATE,
    GROUP,
    ANY;

    public boolean allows(ConversationKind kind) {
        return switch (this) {
            case ANY -> true;
            case PRIVATE -> kind == ConversationKind.PRIVATE;
            case GROUP -> kind == ConversationKind.GROUP;
        };
    }
}
