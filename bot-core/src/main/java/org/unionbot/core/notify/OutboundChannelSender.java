package org.unionbot.core.notify;

import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;

/** A channel over an adapter's outbound port: for the web chat, the message waits in the web inbox. */
public final class OutboundChannelSender implements ChannelSender {
    private final Platform platform;
    private final OutboundPort port;

    public OutboundChannelSender(Platform platform, OutboundPort port) {
        this.platform = platform;
        this.port = port;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public void send(String platformUserId, Reply.Say message, String idempotencyKey) {
        port.deliver(new Recipient(platform, Conversation.privateWith(platformUserId), platformUserId), message);
    }
}
