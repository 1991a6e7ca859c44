package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.testing.CalendarFixture;

/** Members and the committee talking to the calendar (today is 2026-09-01, a Tuesday). */
class CalendarConversationTest {
    private final CalendarFixture f = new CalendarFixture().withPlan();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void festivalDateIsAnsweredWithWeekdayAndLunarDate() {
        assertThat(f.harness.as("t001").say("中秋节是哪天")).startsWith("2026年中秋节是9月25日（星期五），农历八月十五。");
        assertThat(f.harness.as("t001").say("2027年重阳节是几月几号")).startsWith("2027年重阳节是10月8日（星期五），农历九月初九。");
        assertThat(f.harness.as("t001").say("明年春节是哪天？")).startsWith("2027年春节是2月6日（星期六），农历正月初一。");
        assertThat(f.harness.as("t001").say("母亲节是哪天")).isEqualTo("2027年母亲节是5月9日（星期日）。");
    }

    @Test
    void chairApprovesInChatAndTheActivityThenShowsInAnswers() {
        f.harness.addMember(new MemberDraft("孙老师", "R001", Gender.MALE, null, MemberStatus.RETIRED, null, "5678",
                null, Set.of(UnionRole.MEMBER), Set.of("退休教师")), "r001");
        assertThat(f.harness.as("chair").say("审批提醒")).contains("待审批", "double-ninth", "重阳节退休教师活动", "退休教师");
        assertThat(f.harness.as("chair").say("计划预览")).contains("2026年10月15日（星期四） 14:30  重阳节退休教师活动  【提前3天提醒】（待审批）");
        assertThat(f.harness.as("chair").say("审批提醒 double-ninth")).contains("已审批“重阳节退休教师活动”");
        assertThat(f.harness.as("chair").say("审批提醒 重阳")).contains("已经审批过了");

        assertThat(f.harness.as("t001").say("重阳节是哪天")).contains("工会活动“重阳节退休教师活动”：2026年10月18日（星期日） 14:30，老年活动中心");
        assertThat(f.harness.as("t001").say("下个月有什么活动")).contains("2026年10月的工会活动", "重阳节退休教师活动（老年活动中心）");
        assertThat(f.harness.as("t001").say("重阳节退休教师活动几点在哪"))
                .isEqualTo("“重阳节退休教师活动”：2026年10月18日（星期日） 14:30，地点：老年活动中心，负责人：李明");
    }

    @Test
    void onlyTheChairOrACommitteeMemberWithTheRightMayApprove() {
        assertThat(f.harness.as("c001").say("审批提醒 全部")).contains("需要工会主席");
        assertThat(f.harness.as("t001").say("审批提醒")).contains("仅限工会委员");
        assertThat(f.reminders.pending()).hasSize(5);
        f.harness.members.save(new MemberDraft("李明", "C001", Gender.FEMALE, null, MemberStatus.ACTIVE, null, "1234",
                "数学组", Set.of(UnionRole.COMMITTEE), Set.of(CalendarCommands.APPROVAL_RIGHT_TAG)));
        assertThat(f.harness.as("c001").say("审批提醒 全部")).contains("已审批“教师节慰问”");
        assertThat(f.reminders.pending()).isEmpty();
    }

    @Test
    void membersUnsubscribeSubscribeAndAskForEarlierReminders() {
        f.harness.as("chair").say("审批提醒 全部");
        long wang = f.harness.members.findByStaffNo("T001").orElseThrow().id();
        assertThat(f.harness.as("t001").say("退订 教师节")).contains("已退订“教师节慰问”");
        assertThat(f.subscriptions.optedOut("teachers-day")).containsExactly(wang);
        assertThat(f.harness.as("t001").say("订阅 教师节慰问")).contains("已恢复接收“教师节慰问”");
        assertThat(f.subscriptions.optedOut("teachers-day")).isEmpty();
        assertThat(f.harness.as("t001").say("退订")).contains("已退订全部提醒");
        assertThat(f.harness.as("t001").say("订阅 重阳")).contains("已恢复接收“重阳节退休教师活动”");
        assertThat(f.subscriptions.optedOut("double-ninth")).isEmpty();
        assertThat(f.subscriptions.optedOut("teachers-day")).containsExactly(wang);

        assertThat(f.harness.as("t001").say("提前三天提醒我")).isEqualTo("好的，每项活动我都会提前3天提醒您。");
        assertThat(f.harness.as("t001").say("教师节慰问提前5天提醒我")).isEqualTo("好的，“教师节慰问”我会提前5天提醒您。");
        assertThat(f.subscriptions.personalLeads().get("teachers-day")).containsEntry(wang, 5);
    }

    @Test
    void committeeAsksForTheDeliveryReport() {
        f.harness.as("chair").say("审批提醒 teachers-day");
        f.harness.clock.advance(Duration.ofDays(9));
        f.reminders.run("teachers-day|2026-09-10|D0", java.time.Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.harness.as("c001").say("提醒报告"))
                .contains("教师节慰问 2026-09-10 D0：已发送 4，失败 0，无法送达 0，跳过 0，进行中 0");
        assertThat(f.harness.as("t001").say("提醒报告")).contains("仅限工会委员");
    }

    @Test
    void otherQuestionsStillReachTheNextHandler() {
        assertThat(f.harness.as("t001").say("食堂几点开门")).doesNotContain("工会活动");
    }

    @Test
    void theChairLoadsAPlanInChatWithRowErrorsAndAPreviewAndItWaitsForApproval() {
        String reply = f.harness.as("chair").say("""
                导入计划
                items:
                  - key: spring-outing
                    title: 春季踏青
                    date: 4月18日
                    time: "08:30"
                    lead: [3]
                  - key: broken
                    title: 坏的一行
                    date: 每月第九个星期八
                """);
        assertThat(reply).contains("计划已读取：1 项，其中 1 项新增或有改动、等待审批", "1 行有错误", "第 2 行（日期规则）",
                "2027年4月15日（星期四） 08:30  春季踏青  【提前3天提醒】（待审批）", "审批前不会发送");
        assertThat(f.reminders.find("spring-outing").orElseThrow().status()).isEqualTo(SeriesStatus.PENDING);
        assertThat(f.reminders.find("broken")).isEmpty();
        assertThat(f.scheduler.scheduled()).isEmpty();
        // Loading the same plan again leaves an approved item approved.
        f.harness.as("chair").say("审批提醒 spring-outing");
        assertThat(f.harness.as("chair").say("导入计划\nitems:\n  - key: spring-outing\n    title: 春季踏青\n"
                + "    date: 4月18日\n    time: \"08:30\"\n    lead: [3]\n")).contains("0 项新增或有改动", "1 项未变");
        assertThat(f.reminders.find("spring-outing").orElseThrow().status()).isEqualTo(SeriesStatus.APPROVED);
    }

    @Test
    void withoutTextTheConfiguredPlanFileIsReReadAndTeachersMayNotLoadPlans() {
        assertThat(f.harness.as("chair").say("导入计划")).contains("没有配置计划文件");
        f.planFile = PlanReader.yaml("items:\n  - key: checkup\n    title: 教职工体检\n    date: 11月\n");
        assertThat(f.harness.as("chair").say("重新加载计划")).contains("计划已读取：1 项", "教职工体检");
        assertThat(f.harness.as("t001").say("导入计划")).contains("仅限工会委员");
        assertThat(f.harness.as("c001").say("导入计划")).contains("需要工会主席");
    }

    @Test
    void aPausedSeriesSendsNothingUntilApprovedAgain() {
        f.harness.as("chair").say("审批提醒 teachers-day");
        assertThat(f.harness.as("chair").say("暂停提醒 教师节")).contains("已暂停“教师节慰问”");
        assertThat(f.harness.as("chair").say("暂停提醒 teachers-day")).contains("没有在发送中");
        f.harness.clock.advance(Duration.ofDays(9));
        f.reminders.run("teachers-day|2026-09-10|D0", java.time.Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.web.sent()).isEmpty();
        assertThat(f.harness.as("chair").say("审批提醒 teachers-day")).contains("已审批“教师节慰问”");
        f.reminders.run("teachers-day|2026-09-10|D0", java.time.Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.web.sent()).isNotEmpty();
    }

    @Test
    void anAnswerThatDependsOnAnUnpublishedYearSaysItIsEstimated() {
        f.harness.as("chair").say("审批提醒 mid-autumn-gifts");
        // In October 2026 the next 中秋前3个工作日 is in 2027, whose notice is not published.
        f.harness.clock.advance(Duration.ofDays(30));
        assertThat(f.harness.as("t001").say("中秋慰问品发放几点在哪"))
                .contains("2027年9月10日（星期五）", "2027年的放假安排国务院尚未公布", "估算");
        // Within the published year there is no such note.
        f.harness.clock.advance(Duration.ofDays(-30));
        assertThat(f.harness.as("t001").say("中秋慰问品发放几点在哪")).contains("2026年9月22日").doesNotContain("估算");
    }
}
