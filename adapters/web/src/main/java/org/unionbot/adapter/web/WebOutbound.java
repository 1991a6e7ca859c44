package org.unionbot.adapter.web;

import java.time.Clock;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;

/**
 * The web chat's outbound channel: a web page cannot be pushed to, so a deferred answer or a reminder
 * for a web user is put in their {@link WebInbox}, where the page's poll of {@code /api/inbox} finds it.
 * Register it for {@link Platform#WEB} with the core's {@code OutboundRouter}.
 */
public final class WebOutbound implements PlatformOutbound {
    private final WebInbox inbox;
    private final Clock clock;

    public WebOutbound(WebInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        if (recipient.platform() != Platform.WEB) {
            throw new DeliveryException("the web outbound only delivers to web users, not "
                    + recipient.platform().code(), false, null);
        }
        var at = clock.instant();
        for (Content content : reply.contents()) {
            inbox.put(recipient.platformUserId(), new WebInboxEntry(content, at));
        }
    }
}
