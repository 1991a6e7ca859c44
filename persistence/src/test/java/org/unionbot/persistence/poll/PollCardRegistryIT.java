package org.unionbot.persistence.poll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.PollCardRegistry;
import org.unionbot.core.poll.PollCardRegistry.Card;
import org.unionbot.persistence.testing.TestDatabase;

/** Delivered poll cards on the real database: per poll and platform, one row per card id, kept across stores. */
@SpringBootTest(classes = PollTestApplication.class)
class PollCardRegistryIT {
    @Autowired
    PollCardRegistry registry;

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
}
