package org.unionbot.core.outbound;

import java.util.EnumMap;
import java.util.Map;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/** Sends through the adapter of the recipient's platform; each adapter registers its port. */
public final class OutboundRouter implements OutboundPort {
    private final Map<Platform, OutboundPort> ports;

    public OutboundRouter(java.util.List<? extends PlatformOutbound> adapters) {
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
        port.deliver(recipient, reply);
    }
}
