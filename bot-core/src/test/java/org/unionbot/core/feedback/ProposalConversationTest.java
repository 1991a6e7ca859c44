package org.unionbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.ConversationHarness;

class ProposalConversationTest {
    private final FeedbackFixture school = new FeedbackFixture();

    @AfterEach
    void close() {
        school.close();
    }

    private ConversationHarness.Speaker as(String user) {
        return school.harness.as(user);
    }

    @BeforeEach
    void openWindow() {
        // the harness clock stands at 2026-09-01 09:00 Shanghai
        assertThat(as("chair").say("提案征集 5 3 2026-09-15")).contains("第5届第3次", "2026-09-15");
    }

    @Test
    void proposalsAreNumberedPerSession() {
        assertThat(as("d001").say("提案 增设教师休息室；课间无处休息；利用三楼空教室")).contains("第1号", "增设教师休息室");
        assertThat(as("d002").say("提案 食堂延长供餐；晚自习教师用餐难；延长到19点")).contains("第2号");
        assertThat(as("c001").say("提案 订阅更多期刊；阅览室期刊少；每年增加预算")).contains("第3号");

        school.harness.clock.advance(Duration.ofDays(30));
        assertThat(as("d001").say("提案 迟到的提案；理由；措施")).contains("不在提案征集期内");
        assertThat(as("chair").say("提案征集 5 4 2026-10-31")).contains("已开启");
        assertThat(as("d001").say("提案 新一次的提案；理由；措施")).as("numbering restarts per session")
                .contains("第5届第4次", "第1号");
        assertThat(as("chair").say("提案征集 5 4 2026-11-30")).contains("已经开启过了");
    }

    @Test
    void aDelegateWritesAProposalStepByStepWithLongReasons() {
        var delegate = as("d001");
        assertThat(delegate.say("提案")).contains("一步一步", "第 1 步", "标题");
        assertThat(delegate.say("增设教师休息室")).contains("第 2 步", "理由");
        // reasons with semicolons and line breaks, which the one-message form would split
        assertThat(delegate.say("课间无处休息；\n教师办公室拥挤")).contains("第 3 步");
        assertThat(delegate.say("利用三楼空教室；配饮水机")).contains("第 4 步", "附议");
        assertThat(delegate.say("王芳")).contains("不是名册中的教代会代表", "第 4 步");
        assertThat(delegate.say("吴代表")).contains("请核对您的提案", "标题：增设教师休息室", "课间无处休息；\n教师办公室拥挤",
                "附议：吴代表");
        assertThat(school.proposals.findBySession(1)).isEmpty();
        assertThat(delegate.say("确认")).contains("第1号", "增设教师休息室", "附议人 1 位");
        var stored = school.proposals.findBySession(1).get(0);
        assertThat(stored.reasons()).isEqualTo("课间无处休息；\n教师办公室拥挤");
        assertThat(stored.measures()).isEqualTo("利用三楼空教室；配饮水机");
        assertThat(delegate.say("我的提案")).contains("增设教师休息室");
    }

    @Test
    void theGuidedProposalRefusesStaffAndClosedWindowsBeforeAskingAnything() {
        assertThat(as("t001").say("提案")).contains("周代表").doesNotContain("第 1 步");
        school.harness.clock.advance(Duration.ofDays(30));
        assertThat(as("d001").say("提案")).contains("不在提案征集期内").doesNotContain("第 1 步");
        as("d001").say("取消");
    }

    @Test
    void staffAreSentToTheirGroupsDelegate() {
        assertThat(as("t001").say("提案 我也想提；理由；措施")).contains("周代表").doesNotContain("第1号");
        assertThat(school.proposals.findBySession(1)).isEmpty();
    }

    @Test
    void coSignersMustBeDelegatesAndAreTold() {
        assertThat(as("d001").say("提案 标题；理由；措施；附议 王芳")).contains("不是名册中的教代会代表");
        assertThat(as("d001").say("提案 增设教师休息室；课间无处休息；利用空教室；附议 吴代表、李明"))
                .contains("附议人 2 位");
        assertThat(school.harness.outbound.sent()).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("d002");
            assertThat(s.reply().text()).contains("周代表", "附议人");
        });
        assertThat(as("d002").say("我的提案")).contains("增设教师休息室", "附议人", "还没有答复");
    }

    @Test
    void aProposalIsAssignedRepliedImplementedAndRated() {
        as("d001").say("提案 增设教师休息室；课间无处休息；利用空教室；附议 吴代表");
        assertThat(as("d001").say("我上次的提案有答复了吗")).contains("第1号", "还没有答复", "未交办");

        assertThat(as("c001").say("提案答复 1 已安排")).contains("先「提案交办");
        assertThat(as("c001").say("提案交办 1 后勤处")).contains("后勤处");
        assertThat(as("c001").say("提案答复 1 暑假改造三楼空教室为休息室")).contains("已登记");
        assertThat(school.harness.outbound.sent()).anySatisfy(s -> {
            assertThat(s.recipient().platformUserId()).isEqualTo("d001");
            assertThat(s.reply().text()).contains("有答复了", "暑假改造", "提案评价 1");
        });
        assertThat(school.harness.outbound.sent()).anySatisfy(s ->
                assertThat(s.recipient().platformUserId()).isEqualTo("d002"));
        assertThat(as("c001").say("提案落实 1 正在落实")).contains("正在落实");
        assertThat(as("c001").say("提案落实 1 差不多了")).contains("请这样发送");

        assertThat(as("d002").say("提案评价 1 满意")).as("a co-signer does not rate").contains("只有提案人");
        assertThat(as("d001").say("提案评价 1 基本满意")).contains("基本满意");
        assertThat(as("d001").say("我上次的提案有答复了吗"))
                .contains("已答复", "后勤处", "暑假改造", "正在落实", "基本满意");
        assertThat(as("c001").say("提案列表")).contains("第1号", "周代表", "后勤处", "已答复");
    }

    @Test
    void committeeAndChairCommandsAreGuarded() {
        as("d001").say("提案 标题一；理由；措施");
        assertThat(as("d001").say("提案交办 1 后勤处")).contains("仅限工会委员");
        assertThat(as("d001").say("提案答复 1 自己答")).contains("仅限工会委员");
        assertThat(as("t001").say("提案评价 1 满意")).contains("仅限教代会代表");
        assertThat(as("c001").say("提案征集 5 9 2026-12-01")).contains("仅限工会主席");
        assertThat(as("c001").say("提案公开 5 3")).contains("仅限工会主席");
    }

    @Test
    void proposalsArePublishedWhenTheSessionDecides() {
        as("d001").say("提案 增设教师休息室；课间无处休息；利用空教室");
        as("c001").say("提案交办 1 后勤处");
        as("c001").say("提案答复 1 暑假改造");
        assertThat(as("t001").say("公开提案")).contains("还没有公开");
        assertThat(as("chair").say("提案公开 5 3")).contains("已公开");
        assertThat(as("t001").say("公开提案")).contains("第5届第3次", "增设教师休息室", "周代表", "暑假改造");
        assertThat(as("t001").say("公开提案 5 3")).contains("增设教师休息室");
    }

    @Test
    void aMemberWithoutProposalsIsToldSo() {
        assertThat(as("t001").say("我的提案")).contains("还没有提过提案", "代表");
    }

    @Test
    void theConsolesWayInKeepsTheChatRulesAndAnswers() {
        ProposalService service = school.proposalService;
        ActionResult past = service.openSession(5, 4, java.time.LocalDate.of(2026, 8, 31));
        assertThat(past.done()).isFalse();
        assertThat(past.text()).isEqualTo(as("chair").say("提案征集 5 4 2026-08-31"));
        ActionResult duplicate = service.openSession(5, 3, java.time.LocalDate.of(2026, 10, 1));
        assertThat(duplicate.done()).isFalse();
        assertThat(duplicate.text()).contains("已经开启过了");
        assertThat(service.openSession(0, 1, java.time.LocalDate.of(2026, 10, 1)).done()).isFalse();

        // the last day counts whole: the window opened on the last day itself closes at its end
        ActionResult today = service.openSession(5, 4, java.time.LocalDate.of(2026, 9, 1));
        assertThat(today.done()).isTrue();
        assertThat(today.text()).contains("第5届第4次", "2026-09-01");
        ProposalSession latest = service.latestSession().orElseThrow();
        assertThat(latest.meeting()).isEqualTo(4);
        assertThat(service.lastDayOf(latest)).isEqualTo(java.time.LocalDate.of(2026, 9, 1));
        assertThat(service.accepting(latest)).isTrue();
    }
}
