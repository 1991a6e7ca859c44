package org.unionbot.core.outbound;

import java.util.EnumMap;
import java.util.Map;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/** Sends through the adapter of the recipient's platform; each adapter registers its port. */
public final class OutboundRouter implements OutboundPort {
    private final Map<Platform, OutboundPort> ports;
    private final org.unionbot.core.channel.ChannelActivity activity;

    public OutboundRouter(java.util.List<? extends PlatformOutbound> adapters) {
        this(adapters, org.unionbot.core.channel.ChannelActivity.NONE);
    }

    /** @param activity told of every failed delivery, for the console's 渠道 page */
    public OutboundRouter(java.util.List<? extends PlatformOutbound> adapters,
                          org.unionbot.core.channel.ChannelActivity activity) {
        this.activity = activity;
        Map<Platform, OutboundPort> byPlatform = new EnumMap<>(Platform.class);
        for (PlatformOutbound adapter : adapters) {
            if (byPlatform.putIfAbsent(adapter.platform(), adapter) != null) {
                throw new IllegalStateException("two outbound adapters for " + adapter.platform().code());
            }
        }
        this.ports = byPlatform;
    }

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        OutboundPort port = ports.get(recipient.platform());
        if (port == null) {
            throw new DeliveryException("no outbound channel for " + recipient.platform().code(), false, null);
        }
        try {
            port.deliver(recipient, reply);
        } catch (DeliveryException e) {
            // Every adapter's failed send passes here; the recipient's account is not known at this level.
            activity.error(recipient.platform(), "", "发送失败：" + e.getMessage());
            throw e;
        }
    }
}
