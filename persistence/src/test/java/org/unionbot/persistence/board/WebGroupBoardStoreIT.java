package org.unionbot.persistence.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.persistence.inbox.WebInboxStore.Message;
import org.unionbot.persistence.testing.TestDatabase;

/** The group boards on the real database: stored once per key, latest N per board, old posts purged. */
@SpringBootTest(classes = BoardTestApplication.class)
class WebGroupBoardStoreIT {
    private static final Instant T0 = Instant.parse("2026-09-01T01:00:00Z");
    @Autowired
    WebGroupBoardStore boards;
    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
    }

    private static Message text(String body, Instant at) {
        return new Message("text", body, null, null, null, List.of(), at);
    }

    @Test
    void aPostDeliveredTwiceWithOneKeyIsStoredOnceAndReadingLeavesIt() {
        assertThat(boards.post("工会公告栏", "poll-7#open", text("投票 #7「春游去哪里」已开始", T0))).isTrue();
        assertThat(boards.post("工会公告栏", "poll-7#open", text("投票 #7「春游去哪里」已开始", T0))).isFalse();
        // the same key on another board is another post; board names are exact (case and width)
        assertThat(boards.post("Board", "poll-7#open", text("x", T0))).isTrue();
        assertThat(boards.post("board", "poll-7#open", text("y", T0))).isTrue();

        assertThat(boards.latest("工会公告栏", 100)).containsExactly(text("投票 #7「春游去哪里」已开始", T0));
        assertThat(boards.latest("工会公告栏", 100)).hasSize(1);
        assertThat(boards.latest("board", 100)).extracting(Message::body).containsExactly("y");
        assertThat(boards.latest("nobody", 100)).isEmpty();
    }

    @Test
    void aReadReturnsTheLatestPostsOldestFirst() {
        for (int i = 0; i < 130; i++) {
            boards.post("b", "k" + i, text("消息" + i, T0.plusSeconds(i)));
        }
        List<Message> latest = boards.latest("b", 100);
        assertThat(latest).hasSize(100);
        assertThat(latest.get(0).body()).isEqualTo("消息30");
        assertThat(latest.get(99).body()).isEqualTo("消息129");
        assertThat(latest.get(99).putAt()).isEqualTo(T0.plusSeconds(129));
    }

    @Test
    void everyKindOfContentAndFourByteCharactersComeBackAsPosted() {
        boards.post("b", "a", new Message("knowledge", "会费按工资的0.5%缴纳 🎉", "fee-1", "会费", 0.87, List.of(), T0));
        boards.post("b", "c", new Message("choices", "您是想问：", null, null, null, List.of("会费", "入会", ""), T0));
        List<Message> read = boards.latest("b", 10);
        assertThat(read.get(0)).isEqualTo(new Message("knowledge", "会费按工资的0.5%缴纳 🎉", "fee-1", "会费", 0.87,
                List.of(), T0));
        assertThat(read.get(1).options()).containsExactly("会费", "入会", "");
    }

    @Test
    void oldPostsArePurgedOnEveryBoardAndRecentOnesStay() {
        boards.post("a", "old", text("旧", T0.minus(Duration.ofDays(91))));
        boards.post("b", "old", text("旧", T0.minus(Duration.ofDays(100))));
        boards.post("a", "new", text("新", T0.minus(Duration.ofDays(89))));
        assertThat(boards.purgeBefore(T0.minus(Duration.ofDays(90)))).isEqualTo(2);
        assertThat(boards.latest("a", 10)).extracting(Message::body).containsExactly("新");
        assertThat(boards.latest("b", 10)).isEmpty();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM web_group_post", Integer.class)).isEqualTo(1);
    }
}
