package org.unionbot.persistence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.Audience;
import org.unionbot.core.notify.ChannelSender;
import org.unionbot.core.notify.Notice;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.notify.NotifierSettings;

/**
 * A fan-out killed in the middle, then started again over the real database: every member gets the
 * reminder exactly once, checked with plain SQL and at the "platform".
 */
class DeliveryCrashIT extends CalendarDatabaseIT {
    private static final int MEMBERS = 200;
    private static final Notice NOTICE = new Notice("crash|2026-09-10|D0", List.of(new Audience.Everyone()),
            LocalDate.of(2026, 9, 10), "教师节快乐", false, null, Set.of());

    @Autowired
    MyBatisDeliveryLog log;

    /**
     * A platform that takes 10 ms a send. Like DingTalk's msgUuid it drops a repeated idempotency key,
     * but it counts every attempt that reached it, so the test sees any resend.
     */
    static final class Platform10ms implements ChannelSender {
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        final AtomicInteger accepted = new AtomicInteger();

        @Override
        public Platform platform() {
            return Platform.WEB;
        }

        @Override
        public void send(String userId, Reply.Say message, String idempotencyKey) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("killed before the platform got it");
            }
            if (received.computeIfAbsent(userId, k -> new AtomicInteger()).incrementAndGet() == 1) {
                accepted.incrementAndGet();
            }
        }
    }

    private Notifier notifier(ChannelSender platform) {
        return new Notifier(members, log, List.of(platform),
                new NotifierSettings(8, 3, Duration.ofMillis(10), Map.of(), Duration.ofMinutes(2)), clock);
    }

    @Test
    void aFanOutKilledHalfwayResumesAndReachesEveryMemberExactlyOnce() throws Exception {
        teachers(MEMBERS);
        Platform10ms platform = new Platform10ms();

        // First life: killed once about a third of the members have it.
        Notifier first = notifier(platform);
        Thread fanOut = new Thread(() -> {
            try {
                first.send(NOTICE);
            } catch (InterruptedException | RuntimeException e) {
                // the process dies
            }
        });
        fanOut.start();
        while (platform.accepted.get() < MEMBERS / 3) {
            Thread.sleep(2);
        }
        first.close();          // the executor is killed: in-flight sends are interrupted
        fanOut.interrupt();
        fanOut.join(5_000);
        int atKill = platform.accepted.get();
        int leftClaimed = sql.queryForObject(
                "SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'CLAIMED'", Integer.class,
                NOTICE.sourceKey());
        assertThat(atKill).isLessThan(MEMBERS);
        assertThat(leftClaimed).isPositive();

        // Second life, after the claim lease: resume the claims left behind, and the rerun of the job
        // (Quartz recovers it) fans out again without sending anyone a second copy.
        clock.advance(Duration.ofMinutes(3));
        try (Notifier second = notifier(platform)) {
            second.resume();
            second.send(NOTICE);
        }

        assertThat(sql.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'SENT'",
                Integer.class, NOTICE.sourceKey())).isEqualTo(MEMBERS);
        assertThat(sql.queryForList("SELECT member_id FROM delivery_log WHERE source_key = ? "
                + "GROUP BY member_id HAVING COUNT(*) > 1", Long.class, NOTICE.sourceKey())).isEmpty();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE status <> 'SENT'", Integer.class)).isZero();
        assertThat(platform.accepted.get()).isEqualTo(MEMBERS);
        // The only possible resend is a send the platform got whose mark the kill prevented; the
        // idempotency key makes the platform drop it. At most one per sender thread.
        long resent = platform.received.values().stream().filter(c -> c.get() > 1).count();
        assertThat(resent).isLessThanOrEqualTo(8);
        System.out.printf("crash test: killed at %d/%d delivered, %d claims left, %d resends dropped by key%n",
                atKill, MEMBERS, leftClaimed, resent);
    }

    @Test
    void twoInstancesFanningOutTheSameReminderAtOnceSendEachMemberOneCopy() throws Exception {
        teachers(MEMBERS);
        Platform10ms platform = new Platform10ms();
        try (Notifier a = notifier(platform); Notifier b = notifier(platform)) {
            Thread other = new Thread(() -> {
                try {
                    b.send(NOTICE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            a.send(NOTICE);
            other.join();
        }
        assertThat(platform.received).hasSize(MEMBERS);
        assertThat(platform.received.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT'", Integer.class))
                .isEqualTo(MEMBERS);
    }

    /** A platform that refuses everything until it is switched back on (a blocked robot, then fixed). */
    static final class Switchable extends Platform10msBase {
        volatile boolean down = true;

        @Override
        public void send(String userId, Reply.Say message, String idempotencyKey) {
            if (down) {
                throw new org.unionbot.core.outbound.DeliveryException("robot disabled", false, null);
            }
            super.send(userId, message, idempotencyKey);
        }
    }

    /** Counts what reached the platform, per member. */
    static class Platform10msBase implements ChannelSender {
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

        @Override
        public Platform platform() {
            return Platform.WEB;
        }

        @Override
        public void send(String userId, Reply.Say message, String idempotencyKey) {
            received.computeIfAbsent(userId, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Test
    void twoConsolesResendingTheFailedDeliveriesAtOnceReachEachMemberOnce() throws Exception {
        teachers(MEMBERS);
        Switchable platform = new Switchable();
        try (Notifier a = notifier(platform); Notifier b = notifier(platform)) {
            a.send(NOTICE);
            assertThat(log.report(NOTICE.sourceKey()).failed()).isEqualTo(MEMBERS);
            platform.down = false;
            java.util.concurrent.atomic.AtomicInteger byOther = new java.util.concurrent.atomic.AtomicInteger();
            Thread other = new Thread(() -> {
                try {
                    byOther.set(b.resendFailed(NOTICE.sourceKey()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            int byThis = a.resendFailed(NOTICE.sourceKey());
            other.join();
            assertThat(byThis + byOther.get()).isEqualTo(MEMBERS);
            assertThat(a.resendFailed(NOTICE.sourceKey())).isZero();
        }
        assertThat(platform.received).hasSize(MEMBERS);
        assertThat(platform.received.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE status = 'SENT'", Integer.class))
                .isEqualTo(MEMBERS);
    }
}
