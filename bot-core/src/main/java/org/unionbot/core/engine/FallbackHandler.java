package org.unionbot.core.engine;

import org.unionbot.core.message.Reply;

/**
 * Answers a message that is no command. The knowledge base answers questions here; until one is
 * configured, {@link GuidingFallback} points to 帮助 and to a person.
 */
@FunctionalInterface
public interface FallbackHandler {

    Reply answer(MessageContext context);
}
