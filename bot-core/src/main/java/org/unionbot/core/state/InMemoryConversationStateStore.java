package org.unionbot.core.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversation state in this process's memory: right for one instance and for tests. Several instances
 * need the database-backed store, or a member's next message may reach an instance that lost the flow.
 */
public final class InMemoryConversationStateStore implements ConversationStateStore {

    private record Entry(String value, Instant expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryConversationStateStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(StateKey key) {
        Entry entry = entries.get(key.asString());
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key.asString(), entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public void put(StateKey key, String value, Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("state must live for a positive time");
        }
        purgeExpired();
        entries.put(key.asString(), new Entry(value, clock.instant().plus(timeToLive)));
    }

    @Override
    public void remove(StateKey key) {
        entries.remove(key.asString());
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
    }
}
