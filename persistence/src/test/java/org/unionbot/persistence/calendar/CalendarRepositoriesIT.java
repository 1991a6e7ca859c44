package org.unionbot.persistence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.SubscriptionRepository;
import org.unionbot.core.notify.Delivery;
import org.unionbot.core.notify.DeliveryStatus;

class CalendarRepositoriesIT extends CalendarDatabaseIT {
    @Autowired
    MyBatisSeriesRepository series;
    @Autowired
    MyBatisSubscriptionRepository subscriptions;
    @Autowired
    MyBatisDeliveryLog log;

    @Test
    void aSeriesIsPendingUntilApprovedAndPendingAgainWhenItsDefinitionChanges() {
        series.save("teachers-day", "教师节慰问", "key: teachers-day\n", clock.instant());
        assertThat(series.find("teachers-day").orElseThrow().status()).isEqualTo(SeriesStatus.PENDING);
        assertThat(series.approve("teachers-day", 7, clock.instant())).isTrue();
        assertThat(series.approve("nope", 7, clock.instant())).isFalse();
        series.save("teachers-day", "教师节慰问", "key: teachers-day\n", clock.instant());
        assertThat(sql.queryForMap("SELECT status, approved_by FROM reminder_series"))
                .containsEntry("status", "APPROVED").containsEntry("approved_by", 7L);
        series.save("teachers-day", "教师节慰问", "key: teachers-day\nplace: 操场\n", clock.instant());
        assertThat(sql.queryForMap("SELECT status, approved_by FROM reminder_series"))
                .containsEntry("status", "PENDING").containsEntry("approved_by", null);
    }

    @Test
    void aChoiceForOneSeriesWinsOverTheChoiceForAll() {
        long[] t = teachers(2);
        subscriptions.setOptedOut(t[0], SubscriptionRepository.ALL, true);
        subscriptions.setOptedOut(t[0], "double-ninth", false);
        subscriptions.setOptedOut(t[1], "teachers-day", true);
        assertThat(subscriptions.optedOut("teachers-day")).containsExactlyInAnyOrder(t[0], t[1]);
        assertThat(subscriptions.optedOut("double-ninth")).isEmpty();
        subscriptions.setPersonalLead(t[1], "teachers-day", 3);
        assertThat(subscriptions.personalLeads()).containsEntry("teachers-day", java.util.Map.of(t[1], 3));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM reminder_subscription", Integer.class)).isEqualTo(3);
    }

    @Test
    void aDeliveryIsClaimedOnceAndItsOutcomeCounted() {
        long[] t = teachers(3);
        log.saveNotice("r1", "教师节快乐", false, clock.instant());
        List<Delivery> requests = List.of(new Delivery("r1", t[0], "web", "w0001", DeliveryStatus.CLAIMED, 0),
                new Delivery("r1", t[1], "web", "w0002", DeliveryStatus.CLAIMED, 0));
        assertThat(log.claim("r1", requests, "a", clock.instant())).hasSize(2);
        assertThat(log.claim("r1", requests, "b", clock.instant())).isEmpty();
        log.markSent(requests.get(0), 1, clock.instant());
        log.markFailed(requests.get(1), 3, "blocked", clock.instant());
        log.record("r1", t[2], "-", DeliveryStatus.UNREACHABLE, "no bound account", clock.instant());
        var report = log.report("r1");
        assertThat(List.of(report.sent(), report.failed(), report.unreachable(), report.pending())).containsExactly(1, 1, 1, 0);
        assertThat(log.recentSources(5)).containsExactly("r1");
        assertThat(sql.queryForList("SELECT status FROM delivery_log ORDER BY member_id", String.class))
                .containsExactly("SENT", "FAILED", "UNREACHABLE");
    }

    @Test
    void aResendReclaimsOnlyTheFailedRowsAndOnlyOnce() {
        long[] t = teachers(2);
        log.saveNotice("r2", "教师节快乐", false, clock.instant());
        List<Delivery> requests = List.of(new Delivery("r2", t[0], "web", "w0001", DeliveryStatus.CLAIMED, 0),
                new Delivery("r2", t[1], "web", "w0002", DeliveryStatus.CLAIMED, 0));
        log.claim("r2", requests, "a", clock.instant());
        log.markSent(requests.get(0), 1, clock.instant());
        log.markFailed(requests.get(1), 3, "blocked", clock.instant());
        List<Delivery> again = log.reclaimFailed("r2", "resend-1", clock.instant());
        assertThat(again).singleElement().satisfies(d -> {
            assertThat(d.memberId()).isEqualTo(t[1]);
            assertThat(d.address()).isEqualTo("w0002");
        });
        assertThat(log.reclaimFailed("r2", "resend-2", clock.instant())).isEmpty();
        assertThat(log.report("r2").pending()).isEqualTo(1);
    }
}
