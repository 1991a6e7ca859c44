package org.unionbot.core.outbound;

import org.unionbot.core.message.Reply;

/**
 * Sends a message that is not the immediate answer to a request: a deferred answer past the platform's
 * deadline, a reminder, a poll result. Each adapter implements it for its platform; the web chat keeps
 * the message in the member's web inbox.
 */
public interface OutboundPort {

    /** Delivers {@code reply} to the recipient; throws {@link DeliveryException} when it cannot. */
    void deliver(Recipient recipient, Reply.Say reply);
}
