package org.unionbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdeaConversationTest {
    private FeedbackFixture school;

    @AfterEach
    void close() {
        school.close();
    }

    private String say(String user, String text) {
        return school.harness.as(user).say(text);
    }

    private void roundWithThreeIdeas() {
        assertThat(say("c001", "金点子征集 2026-09-10 校园文化节创意")).contains("已发起", "2026-09-10");
        assertThat(say("t001", "金点子 教师合唱比赛")).contains("第1号");
        assertThat(say("t003", "金点子 亲子运动会")).contains("第2号");
        assertThat(say("t002", "金点子 书画展")).contains("第3号");
    }

    @Test
    void aRoundCollectsIdeasUntilItsDeadlineAndTheCommitteeShortlists() {
        school = new FeedbackFixture();
        roundWithThreeIdeas();
        assertThat(say("c001", "金点子征集 2026-09-20 另一轮")).contains("还在进行中");
        assertThat(say("c001", "金点子入围 1 2")).contains("还没有截止");
        assertThat(say("c001", "金点子列表")).contains("教师合唱比赛", "王芳", "亲子运动会", "书画展");

        school.harness.clock.advance(Duration.ofDays(10));
        assertThat(say("t001", "金点子 太晚了")).contains("没有进行中");
        assertThat(say("c001", "金点子入围 1 9")).contains("没有第9号");
        assertThat(say("c001", "金点子入围 1、2")).contains("2 条入围");
        assertThat(say("c001", "金点子列表")).contains("1. 【入围】教师合唱比赛", "2. 【入围】亲子运动会", "3. 书画展");
    }

    @Test
    void withoutThePollsFeatureTheShortlistIsShownAndNoPollIsPretended() {
        school = new FeedbackFixture();
        roundWithThreeIdeas();
        school.harness.clock.advance(Duration.ofDays(10));
        assertThat(say("c001", "金点子投票")).contains("不足两条");
        say("c001", "金点子入围 1 3");
        assertThat(say("c001", "金点子投票")).contains("投票功能尚未接入", "1. 教师合唱比赛", "3. 书画展")
                .doesNotContain("亲子运动会");
    }

    @Test
    void withThePollsFeatureTheShortlistBecomesAPoll() {
        school = new FeedbackFixture(Map.of(), Map.of(), true);
        roundWithThreeIdeas();
        school.harness.clock.advance(Duration.ofDays(10));
        say("c001", "金点子入围 1 3");
        assertThat(say("c001", "金点子投票")).contains("已发起投票", "校园文化节创意");
        assertThat(school.pollsOpened).containsExactly(java.util.List.of("1. 教师合唱比赛", "3. 书画展"));
    }

    @Test
    void onlyTheCommitteeRunsRounds() {
        school = new FeedbackFixture();
        assertThat(say("t001", "金点子征集 2026-09-10 我来发起")).contains("仅限工会委员");
        assertThat(say("t001", "金点子列表")).contains("仅限工会委员");
        assertThat(say("t001", "金点子 没有征集")).contains("没有进行中");
    }
}
