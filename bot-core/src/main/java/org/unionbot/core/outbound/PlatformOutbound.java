package org.unionbot.core.outbound;

import org.unionbot.core.message.Platform;

/** An adapter's outbound port, labelled with the platform it sends to; the router collects them. */
public interface PlatformOutbound extends OutboundPort {

    Platform platform();
}
