package org.unionbot.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;

/** An outbound port that keeps what was sent, for assertions. */
public final class RecordingOutbound implements OutboundPort {
    public record Sent(Recipient recipient, Reply.Say reply) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        sent.add(new Sent(recipient, reply));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
