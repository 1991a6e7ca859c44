package org.unionbot.adapter.web;

import java.time.Clock;
import java.util.List;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.ChannelSender;

/**
 * The web chat as a reminder channel: the reminder waits in the member's {@link WebInbox}, put under the
 * delivery's idempotency key so that a resend after a crash (sent, but the delivery log's mark lost) is
 * dropped by a durable inbox instead of shown twice.
 */
public final class WebChannelSender implements ChannelSender {
    private final WebInbox inbox;
    private final Clock clock;

    public WebChannelSender(WebInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public void send(String platformUserId, Reply.Say message, String idempotencyKey) {
        var at = clock.instant();
        List<Content> contents = message.contents();
        for (int i = 0; i < contents.size(); i++) {
            // One key per part: a reminder of two parts is two messages, each shown once.
            inbox.put(platformUserId, new WebInboxEntry(contents.get(i), at), idempotencyKey + "#" + i);
        }
    }
}
