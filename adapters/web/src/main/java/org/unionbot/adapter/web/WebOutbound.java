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
    private final WebGroupBoard boards;
    private final Clock clock;

    public WebOutbound(WebInbox inbox, Clock clock) {
        this(inbox, new InMemoryWebGroupBoard(), clock);
    }

    /** @param boards where group conversations ({@code web:<board>} channels) are posted */
    public WebOutbound(WebInbox inbox, WebGroupBoard boards, Clock clock) {
        this.inbox = inbox;
        this.boards = boards;
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
            if (recipient.conversation().isGroup()) {
                // a group message goes on the group's board for all to read, never into one user's inbox
                boards.post(recipient.conversation().id(), new WebInboxEntry(content, at));
            } else {
                inbox.put(recipient.platformUserId(), new WebInboxEntry(content, at, reply.confidential()));
            }
        }
    }
}
