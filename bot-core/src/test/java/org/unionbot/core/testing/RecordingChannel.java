package org.unionbot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.ChannelSender;
import org.unionbot.core.outbound.DeliveryException;

/** A channel that records sends; it can fail the first {@code n} attempts transiently or always. */
public final class RecordingChannel implements ChannelSender {
    public record Sent(String userId, String text, String idempotencyKey) {}

    private final Platform platform;
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger transientFailuresLeft = new AtomicInteger();
    private volatile boolean permanentFailure;
    private final AtomicInteger attempts = new AtomicInteger();

    public RecordingChannel(Platform platform) {
        this.platform = platform;
    }

    public RecordingChannel failTransiently(int times) {
        transientFailuresLeft.set(times);
        return this;
    }

    public RecordingChannel failPermanently() {
        permanentFailure = true;
        return this;
    }

    /** The channel works again (a resend after the platform recovered). */
    public RecordingChannel recover() {
        permanentFailure = false;
        transientFailuresLeft.set(0);
        return this;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public void send(String platformUserId, Reply.Say message, String idempotencyKey) {
        attempts.incrementAndGet();
        if (permanentFailure) {
            throw new DeliveryException("blocked by the user", false, null);
        }
        if (transientFailuresLeft.getAndDecrement() > 0) {
            throw new DeliveryException("busy, try later", true, null);
        }
        synchronized (sent) {
            sent.add(new Sent(platformUserId, message.text(), idempotencyKey));
        }
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public int attempts() {
        return attempts.get();
    }
}
