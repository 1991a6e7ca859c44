package org.unionbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.outbound.Recipient;

class SuggestionConversationTest {
    private final FeedbackFixture school = new FeedbackFixture();

    @AfterEach
    void close() {
        school.close();
    }

    private org.unionbot.core.testing.ConversationHarness.Speaker as(String user) {
        return school.harness.as(user);
    }

    @Test
    void theGuidedFlowExplainsTheThreeWaysAndNothingIsStoredBeforeConfirmation() {
        assertThat(as("t001").say("我想提建议")).contains("请直接发送您的意见或建议");
        assertThat(as("t001").say("取消")).contains("已退出「我想提建议」");
        String preview = as("t001").say("建议 食堂晚餐增加面食");
        assertThat(preview).contains("实名", "食堂晚餐增加面食", "确认提交", "取消提交");
        assertThat(school.suggestions.all()).isEmpty();

        String receipt = as("t001").say("确认提交");
        assertThat(receipt).contains("已收到", "查询码");
        assertThat(school.suggestions.all()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SuggestionStatus.RECEIVED));
        assertThat(as("t001").say("确认提交")).as("a draft is submitted once").contains("没有待确认");
    }

    @Test
    void cancellingDropsTheDraft() {
        as("t001").say("匿名建议 希望加班安排更透明");
        assertThat(as("t001").say("取消提交")).contains("放弃");
        assertThat(as("t001").say("确认提交")).contains("没有待确认");
        assertThat(school.suggestions.all()).isEmpty();
    }

    @Test
    void aDraftExpiresAfterFifteenMinutes() {
        as("t001").say("建议 多开一个停车场入口");
        school.harness.clock.advance(Duration.ofMinutes(16));
        assertThat(as("t001").say("确认提交")).contains("没有待确认");
    }

    @Test
    void onlyTheCodesHashIsStored() {
        String code = school.submit("t001", "建议 食堂晚餐增加面食");
        Suggestion stored = school.suggestions.all().get(0);
        assertThat(stored.codeHash()).isEqualTo(Codes.hash(code)).doesNotContain(code);
        assertThat(stored.toString()).doesNotContain("食堂");
    }

    @Test
    void theWholeLifecycleWithTheNamedSenderToldOfTheAnswer() {
        String code = school.submit("t001", "建议 食堂晚餐增加面食");
        String ref = school.refOf(code);
        assertThat(as("t001").say("查询 " + code)).contains("已收到，待分办", "食堂晚餐增加面食");

        assertThat(as("c001").say("建议列表")).contains("#" + ref, "王芳", "未指派", "食堂晚餐增加面食");
        assertThat(as("c001").say("答复建议 " + ref + " 已安排")).contains("先「指派建议");
        assertThat(as("chair").say("指派建议 " + ref + " 李明")).contains("交给李明办理");
        assertThat(school.harness.outbound.sent()).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("c001");
            assertThat(s.reply().text()).contains("#" + ref);
        });
        assertThat(as("t001").say("查询 " + code)).contains("办理中");

        assertThat(as("c001").say("答复建议 " + ref + " 下周起每周三晚餐增加面食。")).contains("已通知");
        assertThat(school.harness.outbound.sent()).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("t001");
            assertThat(s.reply().text()).contains("有答复了", "每周三晚餐增加面食");
        });
        assertThat(as("t001").say("查询 " + code.toLowerCase())).contains("已答复", "每周三晚餐增加面食");
        assertThat(as("t001").say("撤回 " + code)).contains("不能再撤回");

        assertThat(as("c001").say("关闭建议 " + ref)).contains("已办结");
        assertThat(as("t001").say("查询 " + code)).contains("已办结");
        assertThat(as("c001").say("建议列表")).doesNotContain("#" + ref);
    }

    @Test
    void aSuggestionCanBeAssignedToAnOfficeAndAnsweredByAnyCommitteeMember() {
        String ref = school.refOf(school.submit("t001", "建议 修好三楼饮水机"));
        assertThat(as("c002").say("指派建议 " + ref + " 后勤组")).contains("交给后勤组办理");
        assertThat(as("c002").say("答复建议 " + ref + " 已修好")).contains("已答复");
    }

    @Test
    void onlyTheAssigneeOrTheChairAnswersAndCloses() {
        String ref = school.refOf(school.submit("t001", "建议 修好三楼饮水机"));
        as("chair").say("指派建议 " + ref + " 李明");
        assertThat(as("c002").say("答复建议 " + ref + " 我来答")).contains("由李明办理");
        assertThat(as("chair").say("答复建议 " + ref + " 主席答复")).contains("已答复");
        assertThat(as("c002").say("关闭建议 " + ref)).contains("由李明办理");
        assertThat(as("chair").say("关闭建议 " + ref)).contains("已办结");
    }

    @Test
    void closingNeedsAnAnswerAndAssigningNeedsACommitteeMemberOrAnOffice() {
        String ref = school.refOf(school.submit("t001", "建议 修好三楼饮水机"));
        assertThat(as("chair").say("关闭建议 " + ref)).contains("答复后才能关闭");
        assertThat(as("chair").say("指派建议 " + ref + " 王芳")).contains("既不是工会委员");
        assertThat(as("chair").say("指派建议 999999 李明")).contains("没有编号为");
    }

    @Test
    void theSenderMayWithdrawBeforeTheAnswer() {
        String code = school.submit("t001", "匿名建议 希望减少无效会议");
        assertThat(as("t001").say("撤回 " + code)).contains("已撤回");
        assertThat(as("t001").say("查询 " + code)).contains("已撤回");
        assertThat(as("t001").say("撤回 " + code)).contains("不能再撤回");
        assertThat(as("chair").say("建议列表")).contains("没有待处理");
    }

    @Test
    void ordinaryMembersCannotRunCommitteeCommands() {
        String ref = school.refOf(school.submit("t001", "建议 修好三楼饮水机"));
        assertThat(as("t002").say("建议列表")).contains("仅限工会委员");
        assertThat(as("t001").say("指派建议 " + ref + " 李明")).contains("仅限工会委员");
        assertThat(as("t001").say("答复建议 " + ref + " 自问自答")).contains("仅限工会委员");
        assertThat(as("t001").say("关闭建议 " + ref)).contains("仅限工会委员");
    }

    @Test
    void suggestionsAreNeverHandledInAGroup() {
        assertThat(as("t001").inGroup("g1").say("建议 公开说说")).contains("请私聊");
        assertThat(as("t001").inGroup("g1").say("查询 JY23456789")).contains("请私聊");
        assertThat(school.suggestions.all()).isEmpty();
    }

    @Test
    void anUnboundSenderGetsTheBindingGuide() {
        assertThat(as("stranger").say("匿名建议 试试")).contains("绑定");
    }

    @Test
    void theChairOnlySendersNameIsShownToTheChairAlone() {
        String code = school.submit("t001", "建议主席 关于职称评审的顾虑");
        String ref = school.refOf(code);
        assertThat(as("chair").say("建议列表")).contains("#" + ref, "王芳（仅主席可见）");
        assertThat(as("c001").say("建议列表")).contains("#" + ref, "实名（仅主席可见）").doesNotContain("王芳");
        as("chair").say("指派建议 " + ref + " 陈静");
        as("c002").say("答复建议 " + ref + " 已向学校反映");
        assertThat(school.harness.outbound.sent()).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("t001");
            assertThat(s.reply().text()).contains("已向学校反映");
        });
    }

    @Test
    void anAnonymousSuggestionShowsNoSenderAndItsSenderIsNeverMessaged() {
        String code = school.submit("t001", "匿名建议 希望加班安排更透明");
        String ref = school.refOf(code);
        assertThat(as("chair").say("建议列表")).contains("#" + ref, "匿名").doesNotContain("王芳");
        as("chair").say("指派建议 " + ref + " 李明");
        assertThat(as("c001").say("答复建议 " + ref + " 下学期公示")).contains("凭查询码");
        assertThat(school.harness.outbound.sent()).noneMatch(s -> s.recipient().platformUserId().equals("t001"));
        assertThat(as("t003").say("查询 " + code)).as("the code, not the account, opens it")
                .contains("下学期公示");
    }

    @Test
    void anAnonymousRowHoldsNoSenderNoGroupAndNoTime() {
        school.submit("t001", "匿名建议 希望加班安排更透明");
        Suggestion s = school.suggestions.all().get(0);
        assertThat(s.senderMemberId()).isNull();
        assertThat(s.submittedAt()).isNull();
        assertThat(s.submittedOn()).isEqualTo(java.time.LocalDate.of(2026, 9, 1));
        assertThat(s.assigneeGroupId()).isNull();
        assertThat(school.harness.state.get(new org.unionbot.core.state.StateKey(SuggestionService.DRAFT_FLOW,
                "web:t001:t001"))).as("the draft is gone").isEmpty();
    }

    @Test
    void aSmallOfficeIsNeverShownBesideAnAnonymousSuggestion() {
        String anonymous = school.refOf(school.submit("t001", "匿名建议 语文组排课不公平"));
        String named = school.refOf(school.submit("t003", "建议 语文组排课再商量"));
        assertThat(as("chair").say("指派建议 " + anonymous + " 语文组")).contains("不足5人，不显示")
                .doesNotContain("语文组办理");
        assertThat(as("chair").say("指派建议 " + named + " 语文组")).contains("交给语文组办理");
        String list = as("chair").say("建议列表");
        assertThat(list.lines().filter(l -> l.contains("#" + anonymous))).singleElement()
                .satisfies(l -> assertThat(l).contains("不显示").doesNotContain("语文组"));

        String big = school.refOf(school.submit("t003", "匿名建议 后勤报修太慢"));
        assertThat(as("chair").say("指派建议 " + big + " 后勤组")).as("five members may be named")
                .contains("交给后勤组办理");
    }

    @Test
    void theDailyLimitHoldsWithoutKnowingWhoSubmitted() {
        for (int i = 0; i < 3; i++) {
            school.submit("t001", "匿名建议 第" + i + "条");
        }
        as("t001").say("匿名建议 第四条");
        assertThat(as("t001").say("确认提交")).contains("已达上限");
        assertThat(school.suggestions.all()).hasSize(3);
        assertThat(school.submit("t003", "匿名建议 别人不受影响")).isNotBlank();

        school.harness.clock.advance(Duration.ofDays(1));
        assertThat(school.submit("t001", "匿名建议 第二天可以")).isNotBlank();
    }

    @Test
    void theLimitCounterIsAKeyedHashThatRotatesDaily() {
        SubmissionLimiter limiter = new SubmissionLimiter(SubmissionCounter.inMemory(school.harness.clock), school.harness.clock,
                school.settings.rateSecret(), 3);
        long memberId = school.harness.members.findByStaffNo("T001").orElseThrow().id();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 9, 1);
        String today = limiter.token(day, memberId);
        assertThat(today).hasSize(64).matches("[0-9a-f]{64}")
                .isNotEqualTo(limiter.token(day.plusDays(1), memberId))
                .isNotEqualTo(limiter.token(day, memberId + 1));
        SubmissionLimiter otherSecret = new SubmissionLimiter(SubmissionCounter.inMemory(school.harness.clock), school.harness.clock,
                "another-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3);
        assertThat(otherSecret.token(day, memberId)).isNotEqualTo(today);
    }

    @Test
    void theDigestPublishesAnswersWithoutSenders() {
        String named = school.refOf(school.submit("t001", "建议 图书馆周末开放"));
        String anonymous = school.refOf(school.submit("t003", "匿名建议 语文组排课不公平"));
        school.submit("t001", "建议 尚未答复的建议");
        as("chair").say("指派建议 " + named + " 李明");
        as("c001").say("答复建议 " + named + " 从下月起周六开放");
        as("chair").say("指派建议 " + anonymous + " 语文组");
        as("chair").say("答复建议 " + anonymous + " 下学期起排课公示");

        school.suggestionService.run("public-digest", school.harness.clock.instant());
        var digests = school.harness.outbound.sent().stream()
                .filter(s -> s.recipient().equals(FeedbackFixture.DIGEST)).toList();
        assertThat(digests).singleElement().satisfies(d -> assertThat(d.reply().text())
                .contains("公开答复", "图书馆周末开放", "从下月起周六开放", "语文组排课不公平", "下学期起排课公示",
                        "不足5人，不显示")
                .doesNotContain("王芳", "孙丽", "尚未答复的建议", "承办：语文组"));
        assertThat(school.suggestions.all()).filteredOn(s -> s.answer() != null)
                .allSatisfy(s -> assertThat(s.publishedOn()).isEqualTo(java.time.LocalDate.of(2026, 9, 1)));

        school.suggestionService.run("public-digest", school.harness.clock.instant());
        assertThat(school.harness.outbound.sent().stream().filter(s -> s.recipient().equals(FeedbackFixture.DIGEST)))
                .as("an answer is published once").hasSize(1);
        assertThat(as("chair").say("发布答复汇总")).contains("没有新的答复");
        assertThat(as("c001").say("发布答复汇总")).contains("仅限工会主席");
    }

    @Test
    void theChairCanPublishTheDigestAtOnce() {
        String ref = school.refOf(school.submit("t001", "建议 图书馆周末开放"));
        as("chair").say("指派建议 " + ref + " 李明");
        as("c001").say("答复建议 " + ref + " 周六开放");
        assertThat(as("chair").say("发布答复汇总")).contains("已公开 1 条");
    }

    @Test
    void withoutAConfiguredRecipientNoDigestIsSent() {
        FeedbackSettings none = new FeedbackSettings("test-secret-0123456789".getBytes(), 3, java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), Duration.ofDays(3));
        SuggestionService service = new SuggestionService(school.suggestions, school.harness.members,
                school.harness.state, school.harness.outbound, school.harness.messages, school.harness.clock, none);
        String ref = school.refOf(school.submit("t001", "建议 图书馆周末开放"));
        as("chair").say("指派建议 " + ref + " 李明");
        as("c001").say("答复建议 " + ref + " 周六开放");
        int before = school.harness.outbound.sent().size();
        assertThat(service.publishDigest()).isZero();
        assertThat(school.harness.outbound.sent()).hasSize(before);
        assertThat(school.suggestions.all().get(0).publishedOn()).isNull();
    }

    @Test
    void aLongListShowsTheOldestThirtyAndCountsTheRest() {
        FeedbackSettings roomy = new FeedbackSettings("test-secret-0123456789".getBytes(), 100, java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), Duration.ofDays(3));
        for (int i = 0; i < 35; i++) {
            school.suggestions.insert(new Suggestion(Codes.randomId(), String.valueOf(100000 + i), Codes.hash("c" + i),
                    SuggestionMode.ANONYMOUS, null, java.time.LocalDate.of(2026, 9, 1), null, "第" + i + "条",
                    SuggestionStatus.RECEIVED, null, null, null, null, null, null, null));
        }
        String list = as("chair").say("建议列表");
        assertThat(list).contains("35 条", "另有 5 条");
        assertThat(list.lines().filter(l -> l.startsWith("#"))).hasSize(30);
        assertThat(roomy.dailyLimit()).isEqualTo(100);
    }

    @Test
    void recipientsOfNoticesAreMaskedInLogs() {
        Recipient r = FeedbackFixture.DIGEST;
        assertThat(r.toString()).doesNotContain("digest-board");
    }
}
