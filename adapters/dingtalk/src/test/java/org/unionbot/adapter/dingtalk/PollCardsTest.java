package org.unionbot.adapter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionbot.core.message.ConversationKind;
import org.unionbot.core.message.Platform;

import tools.jackson.databind.JsonNode;

class PollCardsTest {
    private static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");

    /** The documented callback shape (platforms.md §3.6): {@code content} is a JSON string. */
    static JsonNode click(String userId, String outTrackId, String command) {
        var params = DingTalkJson.object();
        if (command != null) {
            params.put("command", command);
        }
        var content = DingTalkJson.object();
        content.putObject("cardPrivateData").set("params", params);
        content.withObject("cardPrivateData").putArray("actionIds").add("vote");
        return DingTalkJson.object().put("type", "actionCallback").put("outTrackId", outTrackId)
                .put("corpId", "dingcorp").put("userId", userId).put("content", DingTalkJson.write(content));
    }

    @Test
    void buttonClickBecomesThePrivateMessageItStandsFor() {
        var message = PollCards.toInbound(click("4525", "poll-7", "投 2"), NOW).orElseThrow();

        assertThat(message.platform()).isEqualTo(Platform.DINGTALK);
        assertThat(message.conversation().kind()).isEqualTo(ConversationKind.PRIVATE);
        assertThat(message.senderId()).isEqualTo("4525");
        assertThat(message.text()).isEqualTo("投 2");
        assertThat(message.sentAt()).isEqualTo(NOW);
    }

    @Test
    void theSameClickTwiceIsOneMessageAndAnotherButtonIsAnother() {
        var first = PollCards.toInbound(click("4525", "poll-7", "投 2"), NOW).orElseThrow();
        var again = PollCards.toInbound(click("4525", "poll-7", "投 2"), NOW.plusSeconds(3)).orElseThrow();
        var other = PollCards.toInbound(click("4525", "poll-7", "投 3"), NOW).orElseThrow();
        var otherUser = PollCards.toInbound(click("4526", "poll-7", "投 2"), NOW).orElseThrow();

        assertThat(again.deduplicationKey()).isEqualTo(first.deduplicationKey());
        assertThat(other.deduplicationKey()).isNotEqualTo(first.deduplicationKey());
        assertThat(otherUser.deduplicationKey()).isNotEqualTo(first.deduplicationKey());
    }

    @Test
    void clickWithoutACommandOrUserIsIgnored() {
        assertThat(PollCards.toInbound(click("4525", "poll-7", null), NOW)).isEmpty();
        assertThat(PollCards.toInbound(click("", "poll-7", "投 1"), NOW)).isEmpty();
        var broken = DingTalkJson.object().put("type", "actionCallback").put("userId", "4525").put("content", "{no");
        assertThat(PollCards.toInbound(broken, NOW)).isEmpty();
    }

    @Test
    void actionCardFallbackLinksEachOptionToThePollPage() {
        var card = PollCards.actionCard("教代会提案投票", "### 请选择", "https://union.example.edu/poll/7",
                List.of("同意", "不同意"));

        assertThat(card.path("msgtype").asString()).isEqualTo("actionCard");
        var buttons = card.path("actionCard").path("btns");
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(0).path("title").asString()).isEqualTo("同意");
        assertThat(buttons.get(1).path("actionURL").asString()).isEqualTo("https://union.example.edu/poll/7?choice=2");

        var single = PollCards.actionCard("投票", "正文", "https://union.example.edu/poll/7", List.of());
        assertThat(single.path("actionCard").path("singleTitle").asString()).isEqualTo("查看投票");
        assertThat(single.path("actionCard").path("singleURL").asString()).isEqualTo("https://union.example.edu/poll/7");
    }
}
