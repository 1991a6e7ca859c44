package org.unionbot.adapter.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeCom's per-member limits for app messages: one app may send the same member at most 30 messages a
 * minute and 1000 an hour, and the excess is <b>silently dropped</b> by the platform (platforms.md §2.3,
 * §4). So the limit is kept here, before sending: a send that would exceed it is not made, and the
 * caller learns how long to wait.
 */
final class MemberRateLimit {
    static final int PER_MINUTE = 30;
    static final int PER_HOUR = 1000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    MemberRateLimit(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves one message for each member if all of them are under both limits.
     *
     * @return zero when reserved; otherwise how long until the busiest member can receive again (nothing reserved)
     */
    synchronized Duration tryAcquire(Collection<String> members) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String member : members) {
            Deque<Instant> times = sent.computeIfAbsent(member, m -> new ArrayDeque<>());
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
                times.pollFirst();
            }
            if (times.size() >= PER_HOUR) {
                wait = max(wait, Duration.between(now, times.peekFirst().plus(Duration.ofHours(1))));
            }
            long lastMinute = times.stream().filter(t -> t.isAfter(now.minus(Duration.ofMinutes(1)))).count();
            if (lastMinute >= PER_MINUTE) {
                Instant oldestInMinute = times.stream().filter(t -> t.isAfter(now.minus(Duration.ofMinutes(1))))
                        .findFirst().orElse(now);
                wait = max(wait, Duration.between(now, oldestInMinute.plus(Duration.ofMinutes(1))));
            }
        }
        if (!wait.isZero()) {
            return wait;
        }
        for (String member : members) {
            sent.get(member).addLast(now);
        }
        return Duration.ZERO;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
