package org.unionbot.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.MutableClock;

class InMemoryConversationStateStoreTest {
    @Test
    void entriesExpire() {
        MutableClock clock = MutableClock.shanghai("2026-03-01T00:00:00Z");
        var store = new InMemoryConversationStateStore(clock);
        StateKey key = new StateKey("poll-draft", "web:t001:t001");
        store.put(key, "step=2", Duration.ofMinutes(10));
        assertThat(store.get(key)).contains("step=2");
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.get(key)).isEmpty();
    }

    @Test
    void flowsOfDifferentOwnersStayApart() {
        var store = new InMemoryConversationStateStore(MutableClock.shanghai("2026-03-01T00:00:00Z"));
        store.put(new StateKey("f", "a"), "1", Duration.ofMinutes(1));
        store.put(new StateKey("f", "b"), "2", Duration.ofMinutes(1));
        store.remove(new StateKey("f", "a"));
        assertThat(store.get(new StateKey("f", "a"))).isEmpty();
        assertThat(store.get(new StateKey("f", "b"))).contains("2");
    }
}
