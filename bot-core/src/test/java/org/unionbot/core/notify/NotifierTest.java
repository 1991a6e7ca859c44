package org.unionbot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.CalendarFixture;
import org.unionbot.core.testing.InMemoryDeliveryLog;
import org.unionbot.core.testing.RecordingChannel;

class NotifierTest {
    private final CalendarFixture f = new CalendarFixture();
    private Notifier notifier;

    @AfterEach
    void close() {
        if (notifier != null) {
            notifier.close();
        }
        f.close();
    }

    private Notifier with(RecordingChannel... channels) {
        notifier = new Notifier(f.harness.members, f.log, List.of(channels),
                new NotifierSettings(4, 3, Duration.ofMillis(1), Map.of(), Duration.ofMinutes(2)), f.harness.clock);
        return notifier;
    }

    private Notice notice(String key, List<Audience> audience) {
        return new Notice(key, audience, LocalDate.of(2026, 9, 10), "教师节快乐", false, null, Set.of());
    }

    @Test
    void transientFailuresAreRetriedWithBackoffUntilSent() throws Exception {
        RecordingChannel web = new RecordingChannel(Platform.WEB).failTransiently(2);
        DeliveryReport r = with(web).send(notice("k1", List.of(new Audience.Role(UnionRole.COMMITTEE))));
        assertThat(r.sent()).isEqualTo(1);
        assertThat(web.attempts()).isEqualTo(3);
        assertThat(f.log.rows()).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(3));
    }

    @Test
    void aPermanentFailureIsNotRetriedAndIsReportedAsFailed() throws Exception {
        RecordingChannel web = new RecordingChannel(Platform.WEB).failPermanently();
        DeliveryReport r = with(web).send(notice("k2", List.of(new Audience.Everyone())));
        assertThat(r.failed()).isEqualTo(4);
        assertThat(web.attempts()).isEqualTo(4);
    }

    @Test
    void aResendSendsOnlyTheFailedDeliveriesAndASecondResendNothing() throws Exception {
        RecordingChannel web = new RecordingChannel(Platform.WEB).failPermanently();
        Notifier n = with(web);
        assertThat(n.send(notice("k5", List.of(new Audience.Everyone()))).failed()).isEqualTo(4);
        web.recover();
        assertThat(n.resendFailed("k5")).isEqualTo(4);
        assertThat(web.sent()).hasSize(4).allSatisfy(s -> assertThat(s.text()).isEqualTo("教师节快乐"));
        DeliveryReport after = n.report("k5");
        assertThat(after.sent()).isEqualTo(4);
        assertThat(after.failed()).isZero();
        assertThat(n.resendFailed("k5")).isZero();
        assertThat(web.sent()).hasSize(4);
    }

    @Test
    void aMemberWithoutABoundAccountIsReportedUnreachable() throws Exception {
        f.harness.addMember(new MemberDraft("钱老师", "T009", Gender.MALE, null, MemberStatus.ACTIVE, null, "0000",
                null, Set.of(UnionRole.MEMBER), Set.of()), null);
        DeliveryReport r = with(new RecordingChannel(Platform.WEB)).send(notice("k3", List.of(new Audience.Everyone())));
        assertThat(r.sent()).isEqualTo(4);
        assertThat(r.unreachable()).isEqualTo(1);
    }

    @Test
    void aMemberIsReachedOnTheirPreferredChannelOnlyOnce() throws Exception {
        long wang = f.harness.members.findByStaffNo("T001").orElseThrow().id();
        f.harness.members.bindIdentity(new PlatformIdentity(Platform.WECOM, "wang-wecom", wang));
        RecordingChannel web = new RecordingChannel(Platform.WEB);
        RecordingChannel wecom = new RecordingChannel(Platform.WECOM);
        with(web, wecom).send(new Notice("k4", List.of(new Audience.Group("语文组")), LocalDate.of(2026, 9, 10),
                "组会", false, "wecom", Set.of()));
        assertThat(wecom.sent()).extracting(RecordingChannel.Sent::userId).containsExactly("wang-wecom");
        assertThat(web.sent()).extracting(RecordingChannel.Sent::userId).containsExactly("t002");
    }

    @Test
    void audiencesByTagRoleAndGroupAreUnitedWithoutDuplicates() throws Exception {
        RecordingChannel web = new RecordingChannel(Platform.WEB);
        with(web).send(notice("k5", Audience.parse("委员、语文组、组长")));
        assertThat(web.sent()).extracting(RecordingChannel.Sent::userId).containsExactlyInAnyOrder("c001", "t001", "t002");
    }

    @Test
    void birthdaysFollowTheCalendarEachMemberChose() throws Exception {
        // Everyone in the small school keeps a lunar birthday on 八月初三: 2026-09-13.
        f.harness.addMember(new MemberDraft("周老师", "T010", Gender.MALE, Birthday.solar(9, 13), MemberStatus.ACTIVE,
                null, "1111", null, Set.of(UnionRole.MEMBER), Set.of()), "t010");
        f.harness.addMember(new MemberDraft("吴老师", "T011", Gender.MALE, Birthday.solar(2, 29), MemberStatus.ACTIVE,
                null, "2222", null, Set.of(UnionRole.MEMBER), Set.of()), "t011");
        AudienceResolver resolver = new AudienceResolver(f.harness.members);
        assertThat(resolver.resolve(List.of(new Audience.Birthdays()), LocalDate.of(2026, 9, 13))).hasSize(5);
        assertThat(resolver.resolve(List.of(new Audience.Birthdays()), LocalDate.of(2027, 9, 13)))
                .extracting(m -> m.staffNo()).containsExactly("T010"); // 八月初三 2027 is 2027-09-03
        assertThat(AudienceResolver.bornOn(Birthday.lunar(8, 3), LocalDate.of(2027, 9, 3))).isTrue();
        assertThat(resolver.resolve(List.of(new Audience.Birthdays()), LocalDate.of(2027, 2, 28)))
                .extracting(m -> m.staffNo()).containsExactly("T011");
    }

    @Test
    void claimsLeftByACrashedSenderAreResumedAfterTheLeaseAndSentOnce() throws Exception {
        InMemoryDeliveryLog log = f.log;
        log.saveNotice("k6", "通知", false, f.harness.clock.instant());
        // A sender claimed two deliveries and died before sending them.
        log.claim("k6", List.of(new Delivery("k6", 3, "web", "t001", DeliveryStatus.CLAIMED, 0),
                new Delivery("k6", 4, "web", "t002", DeliveryStatus.CLAIMED, 0)), "dead", f.harness.clock.instant());
        RecordingChannel web = new RecordingChannel(Platform.WEB);
        Notifier n = with(web);
        assertThat(n.resume()).isZero(); // still within the lease: maybe the sender is just slow
        f.harness.clock.advance(Duration.ofMinutes(3));
        assertThat(n.resume()).isEqualTo(2);
        assertThat(n.resume()).isZero();
        assertThat(web.sent()).extracting(RecordingChannel.Sent::userId).containsExactlyInAnyOrder("t001", "t002");
        // A second fan-out of the same notice claims nothing new for them.
        n.send(notice("k6", List.of(new Audience.Group("语文组"))));
        assertThat(web.sent()).hasSize(2);
    }

    @Test
    void rateLimiterSpacesSendsToTheChannelsRate() throws Exception {
        RateLimiter limiter = new RateLimiter(50, 1);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        // 10 waits of 20 ms after the first token.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
}
