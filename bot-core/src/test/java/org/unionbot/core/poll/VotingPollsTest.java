package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The vote path's poll cache: one read per poll per time to live, forgotten on close and edit. */
class VotingPollsTest {
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    /** Counts reads, so the test sees when the cache goes to the repository. */
    static final class CountingRepository extends ForwardingPollRepository {
        final AtomicInteger reads = new AtomicInteger();

        CountingRepository(PollRepository delegate) {
            super(delegate);
        }

        @Override
        public java.util.Optional<Poll> find(long pollId) {
            reads.incrementAndGet();
            return super.find(pollId);
        }
    }

    final InMemoryPollRepository memory = new InMemoryPollRepository();
    final CountingRepository repo = new CountingRepository(memory);
    final AtomicLong nanos = new AtomicLong(1_000);
    final VotingPolls cache = new VotingPolls(repo, Duration.ofSeconds(5), nanos::get);

    private long poll(List<String> options) {
        return memory.create(new PollDraft("春游", PollKind.SINGLE, options, 1, 0, Electorate.all(), true, false,
                Visibility.AFTER_CLOSE, NOW.plus(Duration.ofDays(1)), null, null), Set.of(1L, 2L), 9, NOW);
    }

    @Test
    void anOpenPollIsReadOncePerTimeToLive() {
        long id = poll(List.of("苏州", "杭州"));
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.find(id)).isPresent();
        }
        assertThat(repo.reads).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(cache.find(id)).isPresent();
        assertThat(repo.reads).hasValue(2);
    }

    @Test
    void forgetReadsAgainAndClosedOrMissingPollsAreNeverKept() {
        long id = poll(List.of("苏州", "杭州"));
        cache.find(id);
        memory.edit(id, new PollDraft("春游", PollKind.SINGLE, List.of("黄山", "泰山"), 1, 0, Electorate.all(), true,
                false, Visibility.AFTER_CLOSE, NOW.plus(Duration.ofDays(1)), null, null),
                new java.util.LinkedHashSet<>(memory.electorate(id)), 9, NOW);
        assertThat(cache.find(id).orElseThrow().spec().options()).as("within the time to live").contains("苏州");
        cache.forget(id);
        assertThat(cache.find(id).orElseThrow().spec().options()).containsExactly("黄山", "泰山");

        memory.close(id, 9, NOW);
        cache.forget(id);
        int before = repo.reads.get();
        assertThat(cache.find(id).orElseThrow().isOpen()).isFalse();
        assertThat(cache.find(id).orElseThrow().isOpen()).isFalse();
        assertThat(repo.reads.get() - before).as("closed polls always come from the repository").isEqualTo(2);
        assertThat(cache.find(999)).isEmpty();
        assertThat(cache.find(999)).isEmpty();
        assertThat(repo.reads.get() - before).isEqualTo(4);
    }

    @Test
    void aPollReadBeforeAForgetIsNotKeptAfterIt() {
        long id = poll(List.of("苏州", "杭州"));
        // the close happens while the cache is reading: the copy it read must not be kept
        VotingPolls racing = new VotingPolls(new ForwardingPollRepository(memory) {
            @Override
            public java.util.Optional<Poll> find(long pollId) {
                java.util.Optional<Poll> read = super.find(pollId);
                memory.close(pollId, 9, NOW);
                forgetLater.run();
                return read;
            }
        }, Duration.ofSeconds(5), nanos::get);
        forgetLater = () -> racing.forget(id);
        assertThat(racing.find(id).orElseThrow().isOpen()).as("what was read").isTrue();
        forgetLater = () -> { };
        assertThat(racing.find(id).orElseThrow().isOpen()).as("read again, not kept").isFalse();
    }

    Runnable forgetLater = () -> { };
}
