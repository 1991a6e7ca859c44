package org.unionbot.core.poll;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Open polls as the vote path reads them, kept for a short time. During a vote thousands of members
 * send "投 #12 2" within minutes, and each would otherwise read the same poll row (22 columns, mapped
 * into a {@link PollDraft}) only to learn what the previous vote learned.
 *
 * <p>Safe because nothing is decided from the cached copy alone: the statement that writes a vote
 * re-checks, under the shared lock on the poll row, that the poll is open and has the options the
 * choices were checked against ({@link PollRepository#cast}). A close or edit through this instance's
 * {@link PollService} forgets the entry at once; one made by another instance is noticed by that check,
 * which also forgets it, or after {@link #TIME_TO_LIVE}. Only open polls are kept, so results, exports
 * and turnout (which use {@link PollService#find}) always read the database.
 */
final class VotingPolls {
    /** Bounds how long another instance's close or edit can go unnoticed here outside the vote itself. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);
    /** Polls open at once are a handful; the bound only stops a flood of made-up poll numbers. */
    private static final int MAX_ENTRIES = 1_000;

    private record Entry(Poll poll, long expiresAtNanos) {}

    private final PollRepository polls;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every forget: a poll read before a close or edit must not be cached after it. */
    private final AtomicLong generation = new AtomicLong();

    VotingPolls(PollRepository polls, Duration timeToLive) {
        this(polls, timeToLive, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock (tests); wall-clock jumps must not keep entries alive */
    VotingPolls(PollRepository polls, Duration timeToLive, LongSupplier nanoTime) {
        this.polls = polls;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<Poll> find(long pollId) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(pollId);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.poll());
        }
        long readAt = generation.get();
        Optional<Poll> poll = polls.find(pollId);
        if (poll.isPresent() && poll.get().isOpen() && generation.get() == readAt) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(pollId, new Entry(poll.get(), now + timeToLiveNanos));
        } else {
            entries.remove(pollId);
        }
        return poll;
    }

    void forget(long pollId) {
        generation.incrementAndGet();
        entries.remove(pollId);
    }
}
