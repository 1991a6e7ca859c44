package org.unionbot.adapter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unionbot.core.message.ConversationKind;
import org.unionbot.core.message.Platform;

import tools.jackson.databind.JsonNode;

class PollCardsTest {
    private static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");
    private static final String SECRET = "app-secret-from-configuration";

    /** The documented callback shape (platforms.md §3.6): {@code content} is a JSON string. */
    static JsonNode click(String userId, String outTrackId, String pollId, String choice) {
        var params = DingTalkJson.object();
        if (pollId != null) {
            params.put("pollId", pollId);
        }
        if (choice != null) {
            params.put("choice", choice);
        }
        return callback(userId, outTrackId, params);
    }

    static JsonNode callback(String userId, String outTrackId, tools.jackson.databind.node.ObjectNode params) {
        var content = DingTalkJson.object();
        content.putObject("cardPrivateData").set("params", params);
        content.withObject("cardPrivateData").putArray("actionIds").add("vote");
        return DingTalkJson.object().put("type", "actionCallback").put("outTrackId", outTrackId)
                .put("corpId", "dingcorp").put("userId", userId).put("content", DingTalkJson.write(content));
    }

    @Test
    void buttonClickBecomesThePrivateVoteItStandsFor() {
        var click = PollCards.toClick(click("4525", "unionbot-poll-7-g-abc", "7", "2"), NOW, SECRET).orElseThrow();
        var message = click.message();

        assertThat(message.platform()).isEqualTo(Platform.DINGTALK);
        assertThat(message.conversation().kind()).isEqualTo(ConversationKind.PRIVATE);
        assertThat(message.senderId()).isEqualTo("4525");
        assertThat(message.text()).isEqualTo("投 #7 2");
        assertThat(message.sentAt()).isEqualTo(NOW);
        assertThat(click.pollId()).isEqualTo(7);
        assertThat(click.outTrackId()).isEqualTo("unionbot-poll-7-g-abc");
        assertThat(PollCards.toClick(click("4525", "t", "7", "1,3"), NOW, SECRET).orElseThrow().message().text())
                .isEqualTo("投 #7 1,3");
    }

    @Test
    void theSameClickTwiceIsOneMessageAndAnotherButtonIsAnother() {
        var first = PollCards.toClick(click("4525", "poll-7", "7", "2"), NOW, SECRET).orElseThrow().message();
        var again = PollCards.toClick(click("4525", "poll-7", "7", "2"), NOW.plusSeconds(3), SECRET).orElseThrow().message();
        var other = PollCards.toClick(click("4525", "poll-7", "7", "3"), NOW, SECRET).orElseThrow().message();
        var otherUser = PollCards.toClick(click("4526", "poll-7", "7", "2"), NOW, SECRET).orElseThrow().message();

        assertThat(again.deduplicationKey()).isEqualTo(first.deduplicationKey());
        assertThat(other.deduplicationKey()).isNotEqualTo(first.deduplicationKey());
        assertThat(otherUser.deduplicationKey()).isNotEqualTo(first.deduplicationKey());
    }

    @Test
    void theStoredKeyOfASecretClickCannotBeRecomputedFromTheDatabase() {
        // The duplicate log keeps the key next to the user id; card id, user and poll are in the database
        // too. Hashing the options one by one must not find the one that was clicked.
        String key = PollCards.toClick(click("4525", "poll-7", "7", "2"), NOW, SECRET).orElseThrow().message()
                .deduplicationKey().orElseThrow();
        for (int option = 1; option <= 5; option++) {
            String unkeyed = "card:" + PollCards.digest("poll-7\n4525\n投 #7 " + option);
            assertThat(key).doesNotContain(unkeyed);
        }
        // Keyed: another app secret gives another key, so the key says nothing without the configuration.
        String otherSecret = PollCards.toClick(click("4525", "poll-7", "7", "2"), NOW, "another-secret")
                .orElseThrow().message().deduplicationKey().orElseThrow();
        assertThat(otherSecret).isNotEqualTo(key);
        // Without a configured secret the key of this process is used, never the plain hash.
        String processKeyed = PollCards.toClick(click("4525", "poll-7", "7", "2"), NOW, null).orElseThrow()
                .message().deduplicationKey().orElseThrow();
        assertThat(processKeyed).doesNotContain(PollCards.digest("poll-7\n4525\n投 #7 2"));
    }

    @Test
    void clickThatIsNoVoteIsIgnored() {
        assertThat(PollCards.toClick(click("4525", "poll-7", "7", null), NOW, SECRET)).isEmpty();
        assertThat(PollCards.toClick(click("", "poll-7", "7", "1"), NOW, SECRET)).isEmpty();
        assertThat(PollCards.toClick(click("4525", "poll-7", "x7", "1"), NOW, SECRET)).isEmpty();
        assertThat(PollCards.toClick(click("4525", "poll-7", "7", "1; 结束投票"), NOW, SECRET)).isEmpty();
        // The whole-text form only ever carries the vote grammar: a button cannot run another command.
        assertThat(PollCards.toClick(callback("4525", "p", DingTalkJson.object().put("command", "结束投票 #7")), NOW, SECRET))
                .isEmpty();
        assertThat(PollCards.toClick(callback("4525", "p", DingTalkJson.object().put("command", "投 #7 2")), NOW, SECRET)
                .orElseThrow().message().text()).isEqualTo("投 #7 2");
        var broken = DingTalkJson.object().put("type", "actionCallback").put("userId", "4525").put("content", "{no");
        assertThat(PollCards.toClick(broken, NOW, SECRET)).isEmpty();
    }
}
