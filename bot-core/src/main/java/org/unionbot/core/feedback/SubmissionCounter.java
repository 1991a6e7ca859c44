package org.unionbot.core.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts submissions under an opaque key (the daily-rotating HMAC of {@link SubmissionLimiter}) and
 * refuses past a limit. The check and the increment must be one atomic step: two submissions at the
 * same moment must not both see "4 of 5" and both pass.
 */
public interface SubmissionCounter {

    /**
     * Counts one submission under {@code key} unless {@code limit} is reached.
     *
     * @param expiresAt when the count may be forgotten (the key changes daily anyway)
     * @return true if counted, false (nothing counted) at the limit
     */
    boolean tryIncrement(String key, int limit, Instant expiresAt);

    /** Counts in this process's memory, atomically per key: right for one instance and for tests. */
    static SubmissionCounter inMemory(Clock clock) {
        record Count(int used, Instant expiresAt) {}
        Map<String, Count> counts = new ConcurrentHashMap<>();
        return (key, limit, expiresAt) -> {
            Instant now = clock.instant();
            counts.values().removeIf(c -> !now.isBefore(c.expiresAt()));
            boolean[] counted = {false};
            counts.compute(key, (k, c) -> {
                int used = c == null || !now.isBefore(c.expiresAt()) ? 0 : c.used();
                if (used >= limit) {
                    return c;
                }
                counted[0] = true;
                return new Count(used + 1, expiresAt);
            });
            return counted[0];
        };
    }
}
