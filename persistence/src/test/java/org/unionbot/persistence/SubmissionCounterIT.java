package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.feedback.SubmissionCounter;

/** The daily submission limit on the real database: exact under concurrency, and no identity stored. */
class SubmissionCounterIT extends DatabaseIT {
    private static final String KEY = "ab".repeat(32);

    @Autowired
    SubmissionCounter counter;

    private Instant midnight() {
        return clock.instant().plus(Duration.ofHours(15));
    }

    @Test
    void countsUpToTheLimitAndThenRefusesWithoutCounting() {
        for (int i = 0; i < 5; i++) {
            assertThat(counter.tryIncrement(KEY, 5, midnight())).as("submission %d", i + 1).isTrue();
        }
        assertThat(counter.tryIncrement(KEY, 5, midnight())).isFalse();
        assertThat(counter.tryIncrement(KEY, 5, midnight())).isFalse();
        assertThat(sql.queryForObject("SELECT used FROM feedback_rate WHERE rate_key = ?", Integer.class, KEY))
                .isEqualTo(5);
        assertThat(counter.tryIncrement("cd".repeat(32), 5, midnight())).as("another key, another count").isTrue();
    }

    @Test
    void concurrentSubmissionsNeverPassTheLimitTogether() throws Exception {
        int limit = 5;
        int threads = 16;
        int attemptsPerThread = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String key = String.format("%064x", round + 1);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        int counted = 0;
                        for (int a = 0; a < attemptsPerThread; a++) {
                            counted += counter.tryIncrement(key, limit, midnight()) ? 1 : 0;
                        }
                        return counted;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(total).as("round %d: %d attempts at once", round, threads * attemptsPerThread).isEqualTo(limit);
                assertThat(sql.queryForObject("SELECT used FROM feedback_rate WHERE rate_key = ?", Integer.class, key))
                        .isEqualTo(limit);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTableHoldsOnlyTheKeyedHashACountAndTheDaysEnd() {
        counter.tryIncrement(KEY, 5, midnight());
        assertThat(sql.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'feedback_rate' ORDER BY ordinal_position", String.class))
                .containsExactly("rate_key", "used", "expires_at");
    }

    @Test
    void expiredCountersAreForgottenWhenANewDayStarts() {
        counter.tryIncrement(KEY, 5, clock.instant().plus(Duration.ofHours(1)));
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        counter.tryIncrement("ef".repeat(32), 5, midnight());
        assertThat(sql.queryForList("SELECT rate_key FROM feedback_rate", String.class)).containsExactly("ef".repeat(32));
    }
}
