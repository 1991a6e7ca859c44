package org.unionbot.core.testing;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.engine.ProcessedMessageLog;

public final class InMemoryProcessedMessageLog implements ProcessedMessageLog {
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public boolean recordFirst(String deduplicationKey, Instant receivedAt) {
        return keys.add(deduplicationKey);
    }
}
