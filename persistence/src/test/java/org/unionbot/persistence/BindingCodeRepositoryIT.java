package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.member.BindingCodeRepository;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;

class BindingCodeRepositoryIT extends DatabaseIT {

    private static final String HASH = "a".repeat(64);
    private static final Instant NOW = PersistenceTestApplication.START;

    @Autowired
    BindingCodeRepository codes;

    @Autowired
    MemberRepository members;

    long memberId;

    @BeforeEach
    void member() {
        memberId = members.save(new MemberDraft("张伟", "T001", null, null, null, null, null, null, null, null))
                .memberId();
    }

    @Test
    void aCodeIsConsumedOnce() {
        codes.store(HASH, memberId, NOW.plus(Duration.ofMinutes(10)));

        assertThat(codes.consume(HASH, NOW.plusSeconds(1))).contains(memberId);
        assertThat(codes.consume(HASH, NOW.plusSeconds(2))).isEmpty();

        assertThat(sql.queryForObject("SELECT used_at FROM binding_code WHERE code_hash = ?", LocalDateTime.class, HASH))
                .isEqualTo(LocalDateTime.of(2026, 3, 8, 1, 0, 1));
    }

    @Test
    void anExpiredCodeIsRefusedAndStaysUnused() {
        codes.store(HASH, memberId, NOW.plus(Duration.ofMinutes(10)));

        assertThat(codes.consume(HASH, NOW.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(codes.consume(HASH, NOW.plus(Duration.ofHours(1)))).isEmpty();

        assertThat(sql.queryForObject("SELECT used_at FROM binding_code WHERE code_hash = ?", LocalDateTime.class, HASH))
                .isNull();
    }

    @Test
    void anUnknownCodeIsRefused() {
        codes.store(HASH, memberId, NOW.plus(Duration.ofMinutes(10)));

        assertThat(codes.consume("b".repeat(64), NOW)).isEmpty();
        assertThat(codes.consume(HASH.toUpperCase(), NOW)).as("hashes compare exactly").isEmpty();
    }

    @Test
    void earlierCodesOfAMemberStayValid() {
        codes.store("1".repeat(64), memberId, NOW.plus(Duration.ofMinutes(10)));
        codes.store("2".repeat(64), memberId, NOW.plus(Duration.ofMinutes(10)));

        assertThat(codes.consume("1".repeat(64), NOW)).contains(memberId);
        assertThat(codes.consume("2".repeat(64), NOW)).contains(memberId);
    }

    @Test
    void ofTwoConcurrentConsumersExactlyOneWins() throws Exception {
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String hash = String.format("%064d", round);
                codes.store(hash, memberId, NOW.plus(Duration.ofMinutes(10)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Optional<Long>>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return codes.consume(hash, NOW);
                    }));
                }
                long winners = 0;
                for (Future<Optional<Long>> result : results) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM binding_code WHERE used_at IS NOT NULL", Long.class))
                .isEqualTo(rounds);
    }
}
