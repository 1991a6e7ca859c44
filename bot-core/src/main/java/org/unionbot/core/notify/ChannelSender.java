package org.unionbot.core.notify;

import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;

/**
 * Sends one reminder to one account on one platform. Platform adapters implement it (the WeCom app
 * message, the DingTalk work notice); {@link OutboundChannelSender} turns any outbound port into one (the
 * web chat's inbox). Throws {@link DeliveryException}; a transient one is retried with backoff.
 */
public interface ChannelSender {

    Platform platform();

    /**
     * @param idempotencyKey the same for every attempt of one delivery; pass it to platforms that
     *     deduplicate by key, so that a resend after a crash between send and mark is dropped there
     */
    void send(String platformUserId, Reply.Say message, String idempotencyKey);
}
