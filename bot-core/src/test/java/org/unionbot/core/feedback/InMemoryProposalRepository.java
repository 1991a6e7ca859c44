package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class InMemoryProposalRepository implements ProposalRepository {
    private final List<ProposalSession> sessions = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();

    @Override
    public synchronized Optional<ProposalSession> createSession(int term, int meeting, Instant opensAt, Instant closesAt) {
        if (findSession(term, meeting).isPresent()) {
            return Optional.empty();
        }
        ProposalSession s = new ProposalSession(sessions.size() + 1, term, meeting, opensAt, closesAt, null);
        sessions.add(s);
        return Optional.of(s);
    }

    @Override
    public synchronized Optional<ProposalSession> findSession(int term, int meeting) {
        return sessions.stream().filter(s -> s.term() == term && s.meeting() == meeting).findFirst();
    }

    @Override
    public synchronized Optional<ProposalSession> latestSession() {
        return sessions.stream().max(Comparator.comparing(ProposalSession::opensAt).thenComparing(ProposalSession::id));
    }

    @Override
    public synchronized Optional<ProposalSession> findSessionById(long id) {
        return sessions.stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public synchronized Proposal insert(Proposal p) {
        int next = (int) proposals.stream().filter(x -> x.sessionId() == p.sessionId()).count() + 1;
        Proposal stored = new Proposal(proposals.size() + 1, p.sessionId(), next, p.proposerId(), p.title(), p.reasons(),
                p.measures(), p.cosignerIds(), p.office(), p.reply(), p.repliedAt(), p.implementation(), p.satisfaction(),
                p.submittedAt());
        proposals.add(stored);
        return stored;
    }

    @Override
    public synchronized Optional<Proposal> find(long sessionId, int number) {
        return proposals.stream().filter(p -> p.sessionId() == sessionId && p.number() == number).findFirst();
    }

    @Override
    public synchronized List<Proposal> findBySession(long sessionId) {
        return proposals.stream().filter(p -> p.sessionId() == sessionId).toList();
    }

    @Override
    public synchronized List<Proposal> findByMember(long memberId) {
        return proposals.stream().filter(p -> p.proposerId() == memberId || p.cosignerIds().contains(memberId))
                .sorted(Comparator.comparing(Proposal::submittedAt).thenComparing(Proposal::id).reversed()).toList();
    }

    @Override
    public synchronized void update(Proposal p) {
        proposals.replaceAll(x -> x.id() == p.id() ? p : x);
    }

    @Override
    public synchronized void publish(long sessionId, Instant at) {
        sessions.replaceAll(s -> s.id() == sessionId
                ? new ProposalSession(s.id(), s.term(), s.meeting(), s.opensAt(), s.closesAt(), at) : s);
    }
}
