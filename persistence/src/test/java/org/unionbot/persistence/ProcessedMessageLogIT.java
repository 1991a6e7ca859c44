package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProcessedMessageLogIT extends DatabaseIT {

    private static final Instant NOW = PersistenceTestApplication.START;

    @Autowired
    MyBatisProcessedMessageLog log;

    @Test
    void firstTimeThenRetry() {
        assertThat(log.recordFirst("wechat_mp:24158919826516", NOW)).isTrue();
        assertThat(log.recordFirst("wechat_mp:24158919826516", NOW.plusSeconds(5))).isFalse();
        assertThat(log.recordFirst("wecom:24158919826516", NOW)).isTrue();

        assertThat(sql.queryForMap("SELECT dedup_key, received_at FROM processed_message WHERE dedup_key LIKE 'wechat%'"))
                .containsEntry("dedup_key", "wechat_mp:24158919826516")
                .containsEntry("received_at", LocalDateTime.of(2026, 3, 8, 1, 0));
    }

    @Test
    void keysDifferingOnlyInCaseAreDifferentMessages() {
        assertThat(log.recordFirst("dingtalk:msgAbC", NOW)).isTrue();
        assertThat(log.recordFirst("dingtalk:msgabc", NOW)).isTrue();
    }

    @Test
    void longKeysAreNeitherTruncatedNorConfused() {
        String common = "x".repeat(250);

        assertThat(log.recordFirst(common + "1", NOW)).isTrue();
        assertThat(log.recordFirst(common + "2", NOW)).isTrue();
        assertThat(log.recordFirst(common + "1", NOW)).isFalse();
        assertThat(sql.queryForList("SELECT CHAR_LENGTH(dedup_key) FROM processed_message", Integer.class))
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(191));
    }

    @Test
    void ofTwoInstancesReceivingTheSameRetryOneHandlesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "wecom:retry-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return log.recordFirst(key, NOW);
                    }));
                }
                int firsts = 0;
                for (Future<Boolean> result : results) {
                    firsts += result.get() ? 1 : 0;
                }
                assertThat(firsts).as("first-timers in round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeForgetsOnlyOldKeys() {
        log.recordFirst("old-1", NOW.minus(Duration.ofDays(8)));
        log.recordFirst("old-2", NOW.minus(Duration.ofDays(7)).minusMillis(1));
        log.recordFirst("recent", NOW.minus(Duration.ofDays(1)));

        assertThat(log.purgeOlderThan(NOW.minus(Duration.ofDays(7)))).isEqualTo(2);

        assertThat(sql.queryForList("SELECT dedup_key FROM processed_message", String.class)).containsExactly("recent");
        assertThat(log.recordFirst("old-1", NOW)).as("a purged key counts as new again").isTrue();
    }
}
