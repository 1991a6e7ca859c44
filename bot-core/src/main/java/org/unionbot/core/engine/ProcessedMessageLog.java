package org.unionbot.core.engine;

import java.time.Instant;

/**
 * Durable record of the platform messages already handled. WeChat and WeCom retry a message three
 * times when the answer is late, DingTalk redelivers until acknowledged, and two instances may receive
 * the same retry: the store must decide with a unique key, not with a read-then-write.
 */
public interface ProcessedMessageLog {

    /**
     * Records the key.
     *
     * @return true if this is the first time the key is seen; false for a retry
     */
    boolean recordFirst(String deduplicationKey, Instant receivedAt);
}
