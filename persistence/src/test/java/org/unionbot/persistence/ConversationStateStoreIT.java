package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

class ConversationStateStoreIT extends DatabaseIT {

    private static final StateKey POLL = new StateKey("poll-draft", "wecom:group-1:ZhangWei");

    @Autowired
    ConversationStateStore store;

    @Autowired
    JdbcConversationStateStore jdbcStore;

    @Test
    void putThenGetUntilExpiry() {
        store.put(POLL, "{\"title\":\"春游🌸\"}", Duration.ofMinutes(30));

        assertThat(store.get(POLL)).contains("{\"title\":\"春游🌸\"}");
        assertThat(sql.queryForObject("SELECT expires_at FROM conversation_state WHERE state_key = ?",
                LocalDateTime.class, POLL.asString())).isEqualTo(LocalDateTime.of(2026, 3, 8, 1, 30));

        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(store.get(POLL)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.get(POLL)).as("gone at the expiry instant").isEmpty();
    }

    @Test
    void putReplacesValueAndExpiry() {
        store.put(POLL, "step 1", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        store.put(POLL, "step 2", Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));

        assertThat(store.get(POLL)).contains("step 2");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM conversation_state", Long.class)).isEqualTo(1);
    }

    @Test
    void anExpiredEntryCanBeStartedAfresh() {
        store.put(POLL, "old", Duration.ofMinutes(5));
        clock.advance(Duration.ofHours(1));

        store.put(POLL, "new", Duration.ofMinutes(5));

        assertThat(store.get(POLL)).contains("new");
    }

    @Test
    void removeAndKeysAreSeparate() {
        StateKey privateChat = new StateKey("poll-draft", "wecom:ZhangWei:ZhangWei");
        store.put(POLL, "group", Duration.ofMinutes(5));
        store.put(privateChat, "private", Duration.ofMinutes(5));

        store.remove(POLL);

        assertThat(store.get(POLL)).isEmpty();
        assertThat(store.get(privateChat)).contains("private");
    }

    @Test
    void ownersDifferingOnlyInCaseAreDifferentPeople() {
        StateKey upper = new StateKey("bind", "wechat_mp:oAbC:oAbC");
        StateKey lower = new StateKey("bind", "wechat_mp:oabc:oabc");
        store.put(upper, "1", Duration.ofMinutes(5));
        store.put(lower, "2", Duration.ofMinutes(5));

        assertThat(store.get(upper)).contains("1");
        assertThat(store.get(lower)).contains("2");
    }

    @Test
    void veryLongKeysWork() {
        StateKey longKey = new StateKey("poll-draft", "dingtalk:" + "c".repeat(300) + ":staff");
        store.put(longKey, "v", Duration.ofMinutes(5));

        assertThat(store.get(longKey)).contains("v");
        assertThat(store.get(new StateKey("poll-draft", "dingtalk:" + "c".repeat(300) + ":other"))).isEmpty();
    }

    @Test
    void purgeDeletesOnlyExpiredRows() {
        store.put(POLL, "short", Duration.ofMinutes(1));
        store.put(new StateKey("f", "long"), "long", Duration.ofHours(1));

        assertThat(jdbcStore.purgeExpired(clock.instant().plus(Duration.ofMinutes(1)))).isEqualTo(1);

        assertThat(sql.queryForList("SELECT `value` FROM conversation_state", String.class)).containsExactly("long");
    }

    @Test
    void stateMustLiveForAPositiveTime() {
        assertThatThrownBy(() -> store.put(POLL, "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
