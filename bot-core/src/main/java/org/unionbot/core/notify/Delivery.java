package org.unionbot.core.notify;

import java.util.Objects;

/** One row of the delivery log: a reminder ({@code sourceKey}) to one member on one channel. */
public record Delivery(String sourceKey, long memberId, String channel, String address, DeliveryStatus status,
                       int attempts) {
    public Delivery {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
    }

    /** The idempotency key handed to platforms that accept one (DingTalk msgUuid, WeCom duplicate check). */
    public String idempotencyKey() {
        return sourceKey + "#" + memberId + "#" + channel;
    }

    @Override
    public String toString() {
        return "Delivery[" + sourceKey + ", member=" + memberId + ", " + channel + ", " + status + "]";
    }
}
