package org.unionbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.ConversationHarness;

/** 我想提建议 as a guided flow (text → mode → confirmation → code), the atomic daily limit, the group digest. */
class SuggestionFlowTest {
    private final FeedbackFixture school = new FeedbackFixture();

    @AfterEach
    void close() {
        school.close();
    }

    private ConversationHarness.Speaker as(String user) {
        return school.harness.as(user);
    }

    @Test
    void theGuidedFlowAsksForTextThenModeThenConfirmationAndGivesATrackingCode() {
        var me = as("t001");
        assertThat(me.say("我想提建议")).contains("请直接发送您的意见或建议", "取消");
        // a command's name is just text inside the flow
        assertThat(me.say("查询")).contains("请选择提交方式", "1. 实名", "2. 匿名", "3. 仅主席知道");
        assertThat(me.say("4")).contains("请回复 1、2 或 3");
        assertThat(me.say("1")).contains("请确认您的建议", "方式：实名", "内容：查询");
        assertThat(school.suggestions.all()).as("nothing is stored before the confirmation").isEmpty();
        assertThat(me.say("嗯")).contains("请回复「确认」提交");
        String receipt = me.say("确认");
        String code = FeedbackFixture.code(receipt);
        assertThat(receipt).contains("已收到您的建议");
        Suggestion s = school.suggestions.findByCodeHash(Codes.hash(code)).orElseThrow();
        assertThat(s.mode()).isEqualTo(SuggestionMode.NAMED);
        assertThat(s.body()).isEqualTo("查询");
        assertThat(s.senderMemberId()).isEqualTo(school.harness.members.findByStaffNo("T001").orElseThrow().id());
        // the flow is over: 查询 is a command again
        assertThat(me.say("查询 " + code)).contains("查询");
    }

    @Test
    void anAnonymousSuggestionFromTheFlowLeavesNoStateBehindAndStoresNoSender() {
        var me = as("t001");
        me.say("我想提建议 希望加班安排更透明");
        assertThat(me.say("匿名")).contains("方式：匿名");
        String code = FeedbackFixture.code(me.say("确认"));
        Suggestion s = school.suggestions.findByCodeHash(Codes.hash(code)).orElseThrow();
        assertThat(s.senderMemberId()).isNull();
        assertThat(s.submittedAt()).isNull();
        var message = org.unionbot.core.message.InboundMessage.privateText(Platform.WEB, "t001", "", null,
                school.harness.clock.instant());
        assertThat(school.harness.state.get(org.unionbot.core.state.StateKey.of("engine.flow.state", message)))
                .as("the body no longer waits next to the account").isEmpty();
        assertThat(school.harness.state.get(org.unionbot.core.state.StateKey.of("engine.flow", message))).isEmpty();
    }

    @Test
    void chairOnlyAndCancellingAndTooLongTexts() {
        var me = as("t003");
        me.say("我想提建议");
        assertThat(me.say("很".repeat(1001))).contains("1000 字以内");
        me.say("排课请公示");
        assertThat(me.say("3")).contains("仅主席可见");
        assertThat(me.say("取消")).contains("已退出「我想提建议」");
        assertThat(school.suggestions.all()).isEmpty();
        me.say("我想提建议 排课请公示");
        me.say("3");
        me.say("确认");
        assertThat(school.suggestions.all()).singleElement()
                .satisfies(s -> assertThat(s.mode()).isEqualTo(SuggestionMode.CHAIR_ONLY));
    }

    @Test
    void theFlowCountsAgainstTheDailyLimit() {
        for (int i = 0; i < 3; i++) {
            as("t001").say("我想提建议 第" + i + "条");
            as("t001").say("2");
            assertThat(as("t001").say("确认")).contains("查询码");
        }
        as("t001").say("我想提建议 第四条");
        as("t001").say("2");
        assertThat(as("t001").say("确认")).contains("已达上限");
        assertThat(school.suggestions.all()).hasSize(3);
    }

    @Test
    void concurrentConfirmationsNeverPassTheDailyLimit() throws Exception {
        // three accounts of the same member confirm drafts at the same moment: the limit is 3 a day
        long memberId = school.harness.members.findByStaffNo("T001").orElseThrow().id();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String user = "t001-" + i;
            school.harness.members.bindIdentity(new org.unionbot.core.member.PlatformIdentity(Platform.WEB, user, memberId));
            as(user).say("匿名建议 同时提交" + i);
            users.add(user);
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (String user : users) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(user).say("确认提交");
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<String> f : answers) {
                accepted += f.get(30, TimeUnit.SECONDS).contains("查询码") ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(3);
            assertThat(school.suggestions.all()).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theInMemoryCounterIsAtomicPerKey() throws Exception {
        SubmissionCounter counter = SubmissionCounter.inMemory(school.harness.clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return counter.tryIncrement("k", 5, school.harness.clock.instant().plus(Duration.ofHours(1)));
                }));
            }
            start.countDown();
            int counted = 0;
            for (Future<Boolean> r : results) {
                counted += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(counted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDigestGoesToTheConfiguredGroupChatNeverToAPrivateInbox() {
        assertThat(FeedbackFixture.DIGEST.conversation().isGroup()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedbackSettings(
                "test-secret-0123456789".getBytes(StandardCharsets.UTF_8), 3,
                Optional.of(new Recipient(Platform.WEB, Conversation.privateWith("board"), "board")),
                Map.of(), Map.of(), Duration.ofDays(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group");
        String code = school.submit("t001", "匿名建议 图书馆周末开放");
        String ref = school.refOf(code);
        as("chair").say("指派建议 " + ref + " 李明");
        as("c001").say("答复建议 " + ref + " 周六开放");
        assertThat(school.suggestionService.publishDigest()).isEqualTo(1);
        var sent = school.harness.outbound.sent();
        var digest = sent.get(sent.size() - 1);
        assertThat(digest.recipient().conversation().isGroup()).isTrue();
        assertThat(digest.recipient()).isEqualTo(FeedbackFixture.DIGEST);
        assertThat(digest.reply().text()).contains("图书馆周末开放", "周六开放").doesNotContain("王芳", "T001");
    }
}
