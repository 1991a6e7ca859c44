package org.unionbot.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of polls, electorates, participation and ballots.
 *
 * <p>Secret by construction: a ballot is stored without the voter. {@link #castSecret} writes the
 * participation (who voted) and the ballot (what was chosen) in one transaction, and nothing in the
 * ballot row (a random id, the poll, the choices, the hash of a receipt code known only to the voter)
 * leads back to the member. Named polls additionally link the member to their ballot.
 */
public interface PollRepository {

    /** Stores an open poll with its electorate snapshot and the audit entry "created". */
    long create(PollDraft draft, Set<Long> electorate, long createdBy, Instant at);

    Optional<Poll> find(long pollId);

    /** Open polls whose electorate includes the member, oldest first. */
    List<Poll> openPollsFor(long memberId);

    /** Every open poll whose deadline is before {@code cutoff} (the start-up sweep). */
    List<Poll> openPollsDueBefore(Instant cutoff);

    /** Polls, newest first. */
    List<Poll> recent(int limit);

    boolean inElectorate(long pollId, long memberId);

    List<Long> electorate(long pollId);

    Set<Long> voters(long pollId);

    /**
     * Replaces the draft and the electorate snapshot of an open poll nobody has voted in yet, and records
     * "edited" in the audit trail, all in one transaction.
     *
     * @return false once anyone voted or the poll closed (nothing changed)
     */
    boolean edit(long pollId, PollDraft draft, Set<Long> electorate, long editedBy, Instant at);

    /**
     * Records the member's first vote: participation and ballot together, or neither.
     *
     * @param ballotId random, so ids do not reveal the order of voting
     * @param named whether to link member and ballot (named polls only)
     * @return false if the member had voted already (nothing written)
     */
    boolean castFirst(long pollId, long memberId, String ballotId, Choices choices, String receiptHash,
                      boolean named, Instant at);

    /** What {@link #cast} did, and if nothing, why. */
    enum Cast {
        RECORDED,
        /** The member has a participation row already: nothing written. */
        ALREADY_VOTED,
        NOT_ELIGIBLE,
        CLOSED,
        /** The poll was edited after {@code poll} was read, so the choices were checked against old options. */
        STALE
    }

    /**
     * The vote path's write: the member's first vote, written only if, at that moment and under the shared
     * lock on the poll row, the poll is still open, still the poll the choices were checked against
     * ({@code poll}, which may come from a cache), and the member is in its electorate. Participation and
     * ballot are written together or not at all.
     *
     * <p>The default checks with separate reads and then calls {@link #castFirst}; a database
     * implementation should fold the checks into the write (one statement on the happy path).
     */
    default Cast cast(Poll poll, long memberId, String ballotId, Choices choices, String receiptHash, Instant at) {
        Optional<Poll> stored = find(poll.id());
        if (stored.isEmpty() || !stored.get().isOpen()) {
            return Cast.CLOSED;
        }
        if (!stored.get().spec().equals(poll.spec())) {
            return Cast.STALE;
        }
        if (!inElectorate(poll.id(), memberId)) {
            return Cast.NOT_ELIGIBLE;
        }
        return castFirst(poll.id(), memberId, ballotId, choices, receiptHash, !poll.secret(), at)
                ? Cast.RECORDED : Cast.ALREADY_VOTED;
    }

    /** Changes a named ballot. @return false if the member has not voted */
    boolean changeNamed(long pollId, long memberId, Choices choices);

    /**
     * Changes a secret ballot found by the hash of the voter's receipt code; the member must have voted.
     *
     * @return false if no ballot of this poll has that receipt hash or the member has not voted
     */
    boolean changeSecret(long pollId, long memberId, String receiptHash, Choices choices);

    /** Closes an open poll. @return false if it was closed already (a second close does nothing) */
    boolean close(long pollId, long closedBy, Instant at);

    /** Every ballot of the poll: id → choices, in id order (random, so not the order of voting). */
    Map<String, Choices> ballots(long pollId);

    /** Named polls only: member → choices. */
    Map<Long, Choices> namedChoices(long pollId);

    Optional<String> ballotIdByReceipt(long pollId, String receiptHash);

    void audit(long pollId, long memberId, String action, Instant at);

    /**
     * Audits {@code action} at {@code at} unless the poll has the same action audited after
     * {@code at - within}; check and record are one step for all instances (a reminder to vote pressed on
     * two consoles at once goes out once).
     *
     * @return the time of the recent entry when nothing was recorded, else empty
     */
    Optional<Instant> auditUnlessRecent(long pollId, long memberId, String action, Instant at, Duration within);

    List<AuditEntry> auditTrail(long pollId);
}
