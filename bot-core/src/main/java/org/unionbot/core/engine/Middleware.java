package org.unionbot.core.engine;

import org.unionbot.core.message.Reply;

/**
 * One step of the inbound chain: it may answer by itself (a retry is silenced, an unauthorised command
 * refused) or pass the message on with {@link MiddlewareChain#proceed}.
 */
@FunctionalInterface
public interface Middleware {

    Reply handle(MessageContext context, MiddlewareChain next);
}
