package org.unionbot.persistence.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.Visibility;
import org.unionbot.core.poll.PollCardRegistry;
import org.unionbot.core.poll.PollCardRegistry.Card;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * Delivered poll cards on the real database: per poll and platform, one row per card id, kept across stores,
 * and purged a month after their poll closed.
 */
@SpringBootTest(classes = PollTestApplication.class)
class PollCardRegistryIT {
    @Autowired
    PollCardRegistry registry;
    @Autowired
    JdbcPollCardRegistry cards;
    @Autowired
    JdbcPollRepository polls;
    @Autowired
    MemberRepository members;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
    }

    @Test
    void cardsArePerPollAndPlatformAndARedeliveryStaysOneCard() {
        registry.remember(7, Platform.DINGTALK, new Card("unionbot-poll-7-g-abc", "app1"), PollTestApplication.START);
        registry.remember(7, Platform.DINGTALK, new Card("unionbot-poll-7-u-def", "app1"),
                PollTestApplication.START.plusSeconds(1));
        registry.remember(8, Platform.DINGTALK, new Card("unionbot-poll-8-g-abc", "app1"), PollTestApplication.START);
        registry.remember(7, Platform.WECOM, new Card("wecom-7", "corp"), PollTestApplication.START);
        // a reminder delivers the same card again, now through another app: one card, the latest app
        registry.remember(7, Platform.DINGTALK, new Card("unionbot-poll-7-u-def", "app2"),
                PollTestApplication.START.plusSeconds(5));

        assertThat(registry.cardsOf(7, Platform.DINGTALK)).containsExactly(new Card("unionbot-poll-7-g-abc", "app1"),
                new Card("unionbot-poll-7-u-def", "app2"));
        assertThat(registry.cardsOf(7, Platform.WECOM)).containsExactly(new Card("wecom-7", "corp"));
        assertThat(registry.cardsOf(9, Platform.DINGTALK)).isEmpty();
        // another store over the same database (a restart, another instance) sees the same cards
        assertThat(new JdbcPollCardRegistry(new org.springframework.jdbc.core.JdbcTemplate(TestDatabase.dataSource()))
                .cardsOf(7, Platform.DINGTALK)).hasSize(2);
    }

    @Test
    void cardsOfPollsClosedOverAMonthAgoArePurgedInBatchesAndOpenOrRecentlyClosedPollsKeepTheirs() {
        long chair = members.save(new MemberDraft("张建华", "C000", Gender.FEMALE, Birthday.solar(3, 8),
                MemberStatus.ACTIVE, null, "1234", "行政组", Set.of(UnionRole.CHAIR), Set.of())).memberId();
        Instant now = PollTestApplication.START.plus(Duration.ofDays(90));
        Instant cutoff = now.minus(Duration.ofDays(30));
        long longClosed = poll(chair, "上学期的投票");
        long recentlyClosed = poll(chair, "上个月的投票");
        long stillOpen = poll(chair, "长期开放的投票");
        polls.close(longClosed, chair, cutoff.minus(Duration.ofDays(1)));
        polls.close(recentlyClosed, chair, cutoff.plus(Duration.ofDays(1)));

        // more cards than one batch deletes, so the purge has to come back for the rest
        int many = JdbcPollCardRegistry.PURGE_BATCH + 3;
        insertCards(longClosed, many);
        registry.remember(longClosed, Platform.WECOM, new Card("wecom-old", "corp"), PollTestApplication.START);
        registry.remember(recentlyClosed, Platform.DINGTALK, new Card("unionbot-poll-recent", "app1"),
                PollTestApplication.START);
        // delivered long ago, but the poll is still open: its cards still show the tally and must stay
        registry.remember(stillOpen, Platform.DINGTALK, new Card("unionbot-poll-open", "app1"),
                PollTestApplication.START);

        assertThat(cards.purgeClosedBefore(cutoff)).isEqualTo(many + 1);

        assertThat(registry.cardsOf(longClosed, Platform.DINGTALK)).isEmpty();
        assertThat(registry.cardsOf(longClosed, Platform.WECOM)).isEmpty();
        assertThat(registry.cardsOf(recentlyClosed, Platform.DINGTALK))
                .containsExactly(new Card("unionbot-poll-recent", "app1"));
        assertThat(registry.cardsOf(stillOpen, Platform.DINGTALK)).containsExactly(new Card("unionbot-poll-open", "app1"));
        assertThat(cards.purgeClosedBefore(cutoff)).as("nothing left to purge").isZero();
        assertThat(new JdbcTemplate(TestDatabase.dataSource()).queryForObject("SELECT COUNT(*) FROM poll_card",
                Integer.class)).isEqualTo(2);
    }

    private long poll(long createdBy, String title) {
        return polls.create(new PollDraft(title, PollKind.SINGLE, List.of("甲", "乙"), 1, 0, Electorate.all(), false,
                false, Visibility.AFTER_CLOSE, PollTestApplication.START.plus(Duration.ofDays(2)), null, null),
                Set.of(createdBy), createdBy, PollTestApplication.START);
    }

    private static void insertCards(long pollId, int count) {
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(PollTestApplication.START, ZoneOffset.UTC));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {"dingtalk", "unionbot-poll-" + pollId + "-u-" + i, pollId, "app1", at});
        }
        new JdbcTemplate(TestDatabase.dataSource()).batchUpdate(
                "INSERT INTO poll_card (platform, card_id, poll_id, via, delivered_at) VALUES (?, ?, ?, ?, ?)", rows);
    }
}
