package org.unionbot.core.message;

/**
 * Private one-to-one chat or a group chat. Privacy rules depend on it: personal records, ballots and
 * care reports are never answered into a group.
 */
public enum ConversationKind {
    PRIVATE,
    GROUP
}
