package org.unionbot.core.poll;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Passes every call to another repository; tests override the calls they watch. */
class ForwardingPollRepository implements PollRepository {
    private final PollRepository delegate;

    ForwardingPollRepository(PollRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public long create(PollDraft draft, Set<Long> electorate, long createdBy, Instant at) {
        return delegate.create(draft, electorate, createdBy, at);
    }

    @Override
    public Optional<Poll> find(long pollId) {
        return delegate.find(pollId);
    }

    @Override
    public List<Poll> openPollsFor(long memberId) {
        return delegate.openPollsFor(memberId);
    }

    @Override
    public List<Poll> openPollsDueBefore(Instant cutoff) {
        return delegate.openPollsDueBefore(cutoff);
    }

    @Override
    public List<Poll> recent(int limit) {
        return delegate.recent(limit);
    }

    @Override
    public boolean inElectorate(long pollId, long memberId) {
        return delegate.inElectorate(pollId, memberId);
    }

    @Override
    public List<Long> electorate(long pollId) {
        return delegate.electorate(pollId);
    }

    @Override
    public Set<Long> voters(long pollId) {
        return delegate.voters(pollId);
    }

    @Override
    public boolean edit(long pollId, PollDraft draft, Set<Long> electorate, long editedBy, Instant at) {
        return delegate.edit(pollId, draft, electorate, editedBy, at);
    }

    @Override
    public boolean castFirst(long pollId, long memberId, String ballotId, Choices choices, String receiptHash,
                             boolean named, Instant at) {
        return delegate.castFirst(pollId, memberId, ballotId, choices, receiptHash, named, at);
    }

    @Override
    public boolean changeNamed(long pollId, long memberId, Choices choices) {
        return delegate.changeNamed(pollId, memberId, choices);
    }

    @Override
    public boolean changeSecret(long pollId, long memberId, String receiptHash, Choices choices) {
        return delegate.changeSecret(pollId, memberId, receiptHash, choices);
    }

    @Override
    public boolean close(long pollId, long closedBy, Instant at) {
        return delegate.close(pollId, closedBy, at);
    }

    @Override
    public Map<String, Choices> ballots(long pollId) {
        return delegate.ballots(pollId);
    }

    @Override
    public Map<Long, Choices> namedChoices(long pollId) {
        return delegate.namedChoices(pollId);
    }

    @Override
    public Optional<String> ballotIdByReceipt(long pollId, String receiptHash) {
        return delegate.ballotIdByReceipt(pollId, receiptHash);
    }

    @Override
    public void audit(long pollId, long memberId, String action, Instant at) {
        delegate.audit(pollId, memberId, action, at);
    }

    @Override
    public Optional<java.time.Instant> auditUnlessRecent(long pollId, long memberId, String action,
                                                         java.time.Instant at, java.time.Duration within) {
        return delegate.auditUnlessRecent(pollId, memberId, action, at, within);
    }

    @Override
    public List<AuditEntry> auditTrail(long pollId) {
        return delegate.auditTrail(pollId);
    }
}
