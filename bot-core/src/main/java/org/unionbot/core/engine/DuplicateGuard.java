package org.unionbot.core.engine;

import org.unionbot.core.message.Reply;

/**
 * Stops platform retries at the entrance. WeChat retries a late answer three times and DingTalk
 * redelivers until acknowledged; the durable key makes sure a command (a vote, a report) runs once,
 * even when the retry reaches another instance.
 */
public final class DuplicateGuard implements Middleware {
    private final ProcessedMessageLog log;

    public DuplicateGuard(ProcessedMessageLog log) {
        this.log = log;
    }

    @Override
    public Reply handle(MessageContext context, MiddlewareChain next) {
        var key = context.message().deduplicationKey();
        if (key.isPresent() && !log.recordFirst(key.get(), context.message().sentAt())) {
            return new Reply.Silent("duplicate delivery");
        }
        return next.proceed(context);
    }
}
