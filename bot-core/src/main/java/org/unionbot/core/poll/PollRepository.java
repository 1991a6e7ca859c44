package org.unionbot.core.poll;

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

    List<AuditEntry> auditTrail(long pollId);
}
