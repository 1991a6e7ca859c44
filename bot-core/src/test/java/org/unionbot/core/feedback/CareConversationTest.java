package org.unionbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.RecordingOutbound;

class CareConversationTest {
    private FeedbackFixture school = new FeedbackFixture(
            Map.of(CareType.HOSPITAL, "探望一次，慰问金 500 元"), Map.of(CareType.HOSPITAL, "C001"));

    @AfterEach
    void close() {
        school.close();
    }

    private ConversationHarness.Speaker as(String user) {
        return school.harness.as(user);
    }

    private String report(String user, String text) {
        String reply = as(user).say(text);
        return school.careCases.all().get(school.careCases.all().size() - 1).ref();
    }

    private java.util.List<RecordingOutbound.Sent> sentTo(String user) {
        return school.harness.outbound.sent().stream().filter(s -> s.recipient().platformUserId().equals(user)).toList();
    }

    @Test
    void aReportIsConfirmedPrivatelyWithTheReminderNotToBroadcast() {
        String reply = as("t001").say("慰问 住院 孙丽 在市一院住院，下周手术");
        assertThat(reply).contains("住院", "孙丽", "只有工会主席和负责的委员", "不要在群里转发");
        CareCase c = school.careCases.all().get(0);
        assertThat(c.type()).isEqualTo(CareType.HOSPITAL);
        assertThat(c.subjectMemberId()).isEqualTo(school.harness.members.findByStaffNo("T003").orElseThrow().id());
        assertThat(c.details()).isEqualTo("在市一院住院，下周手术");
    }

    @Test
    void theCaseGoesToTheConfiguredHandlerWithTheSchoolsStandardAndTheChairIsTold() {
        String ref = report("t001", "慰问 住院 孙丽 在市一院住院");
        assertThat(sentTo("c001")).singleElement().satisfies(s -> assertThat(s.reply().text())
                .contains("#" + ref, "住院", "孙丽", "在市一院住院", "探望一次，慰问金 500 元", "王芳"));
        assertThat(sentTo("chair")).singleElement().satisfies(s -> assertThat(s.reply().text())
                .contains("#" + ref, "李明").doesNotContain("在市一院住院"));
        assertThat(sentTo("c002")).isEmpty();
    }

    @Test
    void withoutAConfiguredStandardTheCommitteeSeesNotSetNeverAnAmount() {
        String ref = report("t001", "慰问 生育 孙丽 生了女儿");
        assertThat(sentTo("chair")).singleElement().satisfies(s -> assertThat(s.reply().text())
                .contains("本校尚未设定").doesNotContainPattern("[0-9]+ ?元"));
        assertThat(as("chair").say("慰问详情 " + ref)).contains("本校尚未设定", "生了女儿", "王芳");
    }

    @Test
    void aMemberMayReportForThemselves() {
        as("t003").say("慰问 退休 本人 下月退休");
        CareCase c = school.careCases.all().get(0);
        assertThat(c.subjectName()).isEqualTo("孙丽");
        assertThat(c.assigneeMemberId()).as("no handler configured for retirement: the chair")
                .isEqualTo(school.harness.members.findByStaffNo("C000").orElseThrow().id());
    }

    @Test
    void onlyTheChairAndTheAssigneeSeeACase() {
        String ref = report("t001", "慰问 住院 孙丽 在市一院住院");
        assertThat(as("c001").say("慰问列表")).contains("#" + ref, "孙丽", "探望一次");
        assertThat(as("chair").say("慰问列表")).contains("#" + ref, "孙丽");
        assertThat(as("c002").say("慰问列表")).contains("没有您负责的").doesNotContain("孙丽");
        assertThat(as("c002").say("慰问详情 " + ref)).contains("没有找到").doesNotContain("孙丽");
        assertThat(as("c002").say("慰问跟进 " + ref + " 我也去")).contains("没有找到");
        assertThat(as("c002").say("慰问办结 " + ref)).contains("没有找到");
        assertThat(as("c002").say("慰问详情 " + ref))
                .as("a case someone else handles looks exactly like no case").isEqualTo(as("c002").say("慰问详情 999999"));
        assertThat(as("t001").say("慰问列表")).contains("仅限工会委员").doesNotContain("孙丽");
        assertThat(as("t001").say("慰问详情 " + ref)).contains("仅限工会委员").doesNotContain("孙丽");
        assertThat(school.careCases.all().get(0).status()).isEqualTo(CareStatus.OPEN);
    }

    @Test
    void careIsNeverReportedOrReadInAGroup() {
        assertThat(as("t001").inGroup("g1").say("慰问 住院 孙丽 住院了")).contains("请私聊");
        assertThat(as("chair").inGroup("g1").say("慰问列表")).contains("请私聊");
        assertThat(school.careCases.all()).isEmpty();
    }

    @Test
    void followUpsAreRemindedUntilTheCaseIsClosed() {
        String ref = report("t001", "慰问 住院 孙丽 在市一院住院");
        var key = CareService.followUpKey(ref);
        assertThat(school.scheduler.schedules.get(key)).isEqualTo(new RecordingTaskScheduler.Schedule(
                school.harness.clock.instant().plus(Duration.ofDays(3)), Duration.ofDays(3)));

        school.careService.run(ref, school.harness.clock.instant().plus(Duration.ofDays(3)));
        assertThat(sentTo("c001")).hasSize(2).last().satisfies(s -> assertThat(s.reply().text())
                .contains("慰问提醒", "#" + ref, "尚未办结"));

        assertThat(as("c001").say("慰问跟进 " + ref + " 已电话联系家属")).contains("已记录");
        assertThat(as("c001").say("慰问办结 " + ref + " 已探望并送慰问金")).contains("已办结");
        assertThat(school.scheduler.isScheduled(key)).isFalse();
        assertThat(as("chair").say("慰问详情 " + ref)).contains("已办结", "已电话联系家属", "已探望并送慰问金");
        assertThat(as("c001").say("慰问办结 " + ref)).contains("已经办结");
        assertThat(as("c001").say("慰问列表")).doesNotContain("#" + ref);

        int before = sentTo("c001").size();
        school.careService.run(ref, school.harness.clock.instant());
        assertThat(sentTo("c001")).as("a closed case is not reminded").hasSize(before);
    }

    @Test
    void badReportsAreExplained() {
        assertThat(as("t001").say("慰问")).contains("慰问 类型");
        assertThat(as("t001").say("慰问 出差 孙丽")).contains("不是慰问类型");
        assertThat(school.careCases.all()).isEmpty();
    }
}
