package org.unionbot.core.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The poll repository in memory, for conversation tests; the same contract as the JDBC one. */
public final class InMemoryPollRepository implements PollRepository {
    private final Map<Long, Poll> polls = new HashMap<>();
    private final Map<Long, Set<Long>> electorates = new HashMap<>();
    private final Map<Long, Set<Long>> participation = new HashMap<>();
    /** ballot id → (poll, choices, receipt hash); no member anywhere. */
    private final Map<String, Object[]> ballots = new TreeMap<>();
    private final Map<Long, Map<Long, String>> named = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized long create(PollDraft draft, Set<Long> electorate, long createdBy, Instant at) {
        long id = nextId++;
        polls.put(id, new Poll(id, draft, PollStatus.OPEN, createdBy, at, null));
        electorates.put(id, new LinkedHashSet<>(electorate));
        participation.put(id, new HashSet<>());
        named.put(id, new HashMap<>());
        audit(id, createdBy, "created", at);
        return id;
    }

    @Override
    public synchronized Optional<Poll> find(long pollId) {
        return Optional.ofNullable(polls.get(pollId));
    }

    @Override
    public synchronized List<Poll> openPollsFor(long memberId) {
        return polls.values().stream().filter(Poll::isOpen).filter(p -> electorates.get(p.id()).contains(memberId))
                .sorted(Comparator.comparingLong(Poll::id)).toList();
    }

    @Override
    public synchronized List<Poll> openPollsDueBefore(Instant cutoff) {
        return polls.values().stream().filter(Poll::isOpen).filter(p -> p.spec().deadline().isBefore(cutoff)).toList();
    }

    @Override
    public synchronized List<Poll> recent(int limit) {
        return polls.values().stream().sorted(Comparator.comparingLong(Poll::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized boolean inElectorate(long pollId, long memberId) {
        return electorates.getOrDefault(pollId, Set.of()).contains(memberId);
    }

    @Override
    public synchronized List<Long> electorate(long pollId) {
        return electorates.get(pollId).stream().sorted().toList();
    }

    @Override
    public synchronized Set<Long> voters(long pollId) {
        return Set.copyOf(participation.get(pollId));
    }

    @Override
    public synchronized boolean edit(long pollId, PollDraft draft, Set<Long> electorate, long editedBy, Instant at) {
        Poll p = polls.get(pollId);
        if (!p.isOpen() || !participation.get(pollId).isEmpty()) {
            return false;
        }
        electorates.put(pollId, new java.util.LinkedHashSet<>(electorate));
        polls.put(pollId, new Poll(pollId, draft, p.status(), p.createdBy(), p.createdAt(), null));
        audit(pollId, editedBy, "edited", at);
        return true;
    }

    @Override
    public synchronized boolean castFirst(long pollId, long memberId, String ballotId, Choices choices,
                                          String receiptHash, boolean isNamed, Instant at) {
        if (!polls.get(pollId).isOpen() || !participation.get(pollId).add(memberId)) {
            return false;
        }
        ballots.put(ballotId, new Object[] {pollId, choices, receiptHash});
        if (isNamed) {
            named.get(pollId).put(memberId, ballotId);
        }
        return true;
    }

    @Override
    public synchronized boolean changeNamed(long pollId, long memberId, Choices choices) {
        String id = named.get(pollId).get(memberId);
        if (id == null || !polls.get(pollId).isOpen()) {
            return false;
        }
        ballots.get(id)[1] = choices;
        return true;
    }

    @Override
    public synchronized boolean changeSecret(long pollId, long memberId, String receiptHash, Choices choices) {
        if (!polls.get(pollId).isOpen() || !participation.get(pollId).contains(memberId)) {
            return false;
        }
        for (Object[] b : ballots.values()) {
            if (b[0].equals(pollId) && b[2].equals(receiptHash)) {
                b[1] = choices;
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean close(long pollId, long closedBy, Instant at) {
        Poll p = polls.get(pollId);
        if (!p.isOpen()) {
            return false;
        }
        polls.put(pollId, new Poll(pollId, p.spec(), PollStatus.CLOSED, p.createdBy(), p.createdAt(), at));
        audit(pollId, closedBy, "closed", at);
        return true;
    }

    @Override
    public synchronized Map<String, Choices> ballots(long pollId) {
        Map<String, Choices> out = new TreeMap<>();
        ballots.forEach((id, b) -> {
            if (b[0].equals(pollId)) {
                out.put(id, (Choices) b[1]);
            }
        });
        return out;
    }

    @Override
    public synchronized Map<Long, Choices> namedChoices(long pollId) {
        Map<Long, Choices> out = new TreeMap<>();
        named.get(pollId).forEach((m, id) -> out.put(m, (Choices) ballots.get(id)[1]));
        return out;
    }

    @Override
    public synchronized Optional<String> ballotIdByReceipt(long pollId, String receiptHash) {
        return ballots.entrySet().stream().filter(e -> e.getValue()[0].equals(pollId) && e.getValue()[2].equals(receiptHash))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized void audit(long pollId, long memberId, String action, Instant at) {
        audit.add(new AuditEntry(pollId, memberId, action, at));
    }

    @Override
    public synchronized Optional<java.time.Instant> auditUnlessRecent(long pollId, long memberId, String action,
                                                                      java.time.Instant at, java.time.Duration within) {
        Optional<java.time.Instant> last = audit.stream().filter(a -> a.pollId() == pollId && a.action().equals(action))
                .map(AuditEntry::at).max(java.time.Instant::compareTo);
        if (last.isPresent() && last.get().isAfter(at.minus(within))) {
            return last;
        }
        audit(pollId, memberId, action, at);
        return Optional.empty();
    }

    @Override
    public synchronized List<AuditEntry> auditTrail(long pollId) {
        return audit.stream().filter(a -> a.pollId() == pollId).toList();
    }
}
