package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.notify.DeliveryStatus;
import org.unionbot.core.testing.CalendarFixture;

/** Approval, scheduling, quiet hours and late firing, on the fixed clock 2026-09-01 09:00 Shanghai. */
class ReminderServiceTest {
    private final CalendarFixture f = new CalendarFixture().withPlan();

    @AfterEach
    void close() {
        f.close();
    }

    private Member chair() {
        return f.harness.members.findByStaffNo("C000").orElseThrow();
    }

    @Test
    void aNewSeriesSchedulesAndSendsNothingUntilApproved() {
        assertThat(f.reminders.pending()).hasSize(5);
        assertThat(f.scheduler.scheduled()).isEmpty();
        // Even if its task fired (say, left from an earlier approval), a pending series sends nothing.
        f.reminders.run("teachers-day|2026-09-10|D0", Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.web.sent()).isEmpty();

        // The schedule reaches 400 days ahead: 教师节 2026 and 2027, each with its advance notice.
        assertThat(f.reminders.approve("teachers-day", chair())).contains(4);
        assertThat(f.scheduler.scheduled()).containsOnlyKeys("reminder/teachers-day|2026-09-10|A7",
                "reminder/teachers-day|2026-09-10|D0", "reminder/teachers-day|2027-09-10|A7",
                "reminder/teachers-day|2027-09-10|D0");
        // 2026-09-03 09:00 and 2026-09-10 09:00 in Shanghai.
        assertThat(f.scheduler.scheduled().get("reminder/teachers-day|2026-09-03|A7")).isNull();
        assertThat(f.scheduler.scheduled().get("reminder/teachers-day|2026-09-10|A7"))
                .isEqualTo(Instant.parse("2026-09-03T01:00:00Z"));
        assertThat(f.scheduler.scheduled().get("reminder/teachers-day|2026-09-10|D0"))
                .isEqualTo(Instant.parse("2026-09-10T01:00:00Z"));
    }

    @Test
    void changingAnApprovedSeriesMakesItPendingAgain() {
        f.reminders.approve("teachers-day", chair());
        f.reminders.importPlan(PlanReader.yaml(CalendarFixture.PLAN.replace("place: 学校礼堂", "place: 操场")));
        assertThat(f.reminders.find("teachers-day").orElseThrow().status()).isEqualTo(SeriesStatus.PENDING);
        assertThat(f.reminders.find("double-ninth").orElseThrow().status()).isEqualTo(SeriesStatus.PENDING);
    }

    @Test
    void previewListsEveryComputedSendOfTheNextTwelveMonthsAndSaysWhichYearIsMissing() {
        var items = f.reminders.all().stream().map(StoredSeries::item).toList();
        var lines = f.reminders.preview(items, 12);
        assertThat(lines).filteredOn(l -> l.send() != null)
                .extracting(l -> l.send().taskId())
                .contains("double-ninth|2026-10-18|A3", "double-ninth|2026-10-18|D0", "double-ninth|2026-10-18|F1",
                        "mid-autumn-gifts|2026-09-22|A2", "mid-autumn-gifts|2026-09-22|D0",
                        "teachers-day|2026-09-10|A7", "committee-night|2026-09-15|D0");
        // Every line is computed: a year without a published schedule is estimated, not left out.
        assertThat(lines).noneMatch(l -> l.send() == null);
        assertThat(lines).filteredOn(l -> l.send().sendAt().getYear() == 2026).noneMatch(ReminderService.PreviewLine::estimated);
    }

    @Test
    void aWorkingDayRuleInAYearWithoutItsNoticeIsEstimatedAndFlaggedButNotScheduled() {
        var items = f.reminders.all().stream().map(StoredSeries::item).toList();
        var lines = f.reminders.preview(items, 24);
        // 中秋 2027 is Wed 15 Sep; three working days before, with no 调休 known, is Fri 10 Sep.
        assertThat(lines).filteredOn(l -> l.send() != null && l.send().taskId().equals("mid-autumn-gifts|2027-09-10|D0"))
                .singleElement().satisfies(l -> assertThat(l.estimated()).isTrue());
        assertThat(lines).filteredOn(l -> l.send() != null && l.send().taskId().equals("mid-autumn-gifts|2026-09-22|D0"))
                .singleElement().satisfies(l -> assertThat(l.estimated()).isFalse());
        // Scheduling stays with published data: nothing of 2027 for this series is scheduled yet.
        f.reminders.approve("mid-autumn-gifts", chair());
        assertThat(f.scheduler.scheduled().keySet()).contains("reminder/mid-autumn-gifts|2026-09-22|D0")
                .noneMatch(k -> k.contains("mid-autumn-gifts|2027"));
    }

    @Test
    void quietHoursMoveANonUrgentSendToSevenButNotAnUrgentOne() {
        f.reminders.approve("committee-night", chair());
        f.reminders.approve("outage-drill", chair());
        // 22:30 on 15 Sep waits until 07:00 on the 16th; the urgent 23:00 stays.
        assertThat(f.scheduler.scheduled()).containsEntry("reminder/committee-night|2026-09-15|D0",
                Instant.parse("2026-09-15T23:00:00Z"));
        assertThat(f.scheduler.scheduled()).containsEntry("reminder/outage-drill|2026-09-16|D0",
                Instant.parse("2026-09-16T15:00:00Z"));
    }

    @Test
    void aLateFiringInQuietHoursWaitsForMorning() {
        f.reminders.approve("teachers-day", chair());
        // The service was down: a send due at 21:50 fires at 22:10, in quiet hours but still useful.
        f.harness.clock.advance(Duration.between(Instant.parse("2026-09-01T01:00:00Z"),
                Instant.parse("2026-09-10T14:10:00Z")));
        f.reminders.run("teachers-day|2026-09-10|D0", Instant.parse("2026-09-10T13:50:00Z"));
        assertThat(f.web.sent()).isEmpty();
        assertThat(f.scheduler.scheduled()).containsEntry("reminder/teachers-day|2026-09-10|D0~",
                Instant.parse("2026-09-10T23:00:00Z"));
    }

    @Test
    void aFiringLaterThanStillUsefulIsRecordedAsSkipped() {
        f.reminders.approve("teachers-day", chair());
        f.harness.clock.advance(Duration.ofDays(9).plusHours(8)); // 2026-09-10 17:00, 8 h after 09:00
        f.reminders.run("teachers-day|2026-09-10|D0", Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.web.sent()).isEmpty();
        assertThat(f.reminders.report("teachers-day|2026-09-10|D0").skipped()).isEqualTo(1);
    }

    @Test
    void firingSendsToTheAudienceOnceHoweverOftenTheTaskRuns() {
        f.harness.addMember(new MemberDraft("孙老师", "R001", Gender.MALE, Birthday.solar(10, 1), MemberStatus.RETIRED,
                null, "5678", null, Set.of(UnionRole.MEMBER), Set.of("退休教师")), "r001");
        f.reminders.approve("double-ninth", chair());
        f.harness.clock.advance(Duration.ofDays(44).plusHours(5).plusMinutes(30)); // 2026-10-15 14:30
        Instant due = Instant.parse("2026-10-15T06:30:00Z");
        f.reminders.run("double-ninth|2026-10-18|A3", due);
        f.reminders.run("double-ninth|2026-10-18|A3", due);
        assertThat(f.web.sent()).singleElement().satisfies(s -> {
            assertThat(s.userId()).isEqualTo("r001");
            assertThat(s.text()).contains("提前3天", "重阳节退休教师活动", "2026年10月18日（星期日）", "14:30", "老年活动中心", "李明");
        });
    }

    @Test
    void anUnsubscribedMemberIsSkippedAndCounted() {
        f.reminders.approve("teachers-day", chair());
        long wang = f.harness.members.findByStaffNo("T001").orElseThrow().id();
        f.subscriptions.setOptedOut(wang, "teachers-day", true);
        f.harness.clock.advance(Duration.ofDays(9));
        f.reminders.run("teachers-day|2026-09-10|D0", Instant.parse("2026-09-10T01:00:00Z"));
        assertThat(f.web.sent()).extracting(s -> s.userId()).containsExactlyInAnyOrder("chair", "c001", "t002");
        var report = f.reminders.report("teachers-day|2026-09-10|D0");
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(f.log.rows()).filteredOn(d -> d.memberId() == wang).extracting(d -> d.status())
                .containsExactly(DeliveryStatus.SKIPPED);
    }

    @Test
    void personalLeadSendsAnExtraReminderOnlyToThatMember() throws Exception {
        f.reminders.approve("teachers-day", chair());
        long wang = f.harness.members.findByStaffNo("T001").orElseThrow().id();
        f.subscriptions.setPersonalLead(wang, "teachers-day", 3);
        f.harness.clock.advance(Duration.ofDays(6)); // 2026-09-07, three days before 教师节
        assertThat(f.reminders.sendPersonalReminders()).isEqualTo(1);
        assertThat(f.reminders.sendPersonalReminders()).isEqualTo(1); // runs again: the log keeps it single
        assertThat(f.web.sent()).singleElement().satisfies(s -> {
            assertThat(s.userId()).isEqualTo("t001");
            assertThat(s.text()).contains("提前3天", "教师节慰问");
        });
    }
}
