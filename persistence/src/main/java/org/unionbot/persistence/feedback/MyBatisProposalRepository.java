package org.unionbot.persistence.feedback;

import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.fromDb;
import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.feedback.Implementation;
import org.unionbot.core.feedback.Proposal;
import org.unionbot.core.feedback.ProposalRepository;
import org.unionbot.core.feedback.ProposalSession;
import org.unionbot.core.feedback.Satisfaction;
import org.unionbot.persistence.feedback.mapper.ProposalMapper;
import org.unionbot.persistence.feedback.mapper.ProposalRow;
import org.unionbot.persistence.feedback.mapper.ProposalSessionRow;

/** Sessions, proposals and co-signers (V42). A proposal and its co-signers are stored in one transaction. */
public final class MyBatisProposalRepository implements ProposalRepository {
    private static final int NUMBER_ATTEMPTS = 10;

    private final ProposalMapper mapper;
    private final TransactionTemplate transactions;

    public MyBatisProposalRepository(ProposalMapper mapper, TransactionTemplate transactions) {
        this.mapper = mapper;
        this.transactions = transactions;
    }

    @Override
    public Optional<ProposalSession> createSession(int term, int meeting, Instant opensAt, Instant closesAt) {
        ProposalSessionRow row = new ProposalSessionRow();
        row.term = term;
        row.meeting = meeting;
        row.opensAt = toDb(opensAt);
        row.closesAt = toDb(closesAt);
        try {
            mapper.insertSession(row);
        } catch (DuplicateKeyException exists) {
            return Optional.empty();
        }
        return Optional.of(session(row));
    }

    @Override
    public Optional<ProposalSession> findSession(int term, int meeting) {
        return Optional.ofNullable(mapper.selectSession(term, meeting)).map(MyBatisProposalRepository::session);
    }

    @Override
    public Optional<ProposalSession> latestSession() {
        return Optional.ofNullable(mapper.selectLatestSession()).map(MyBatisProposalRepository::session);
    }

    @Override
    public Optional<ProposalSession> findSessionById(long id) {
        return Optional.ofNullable(mapper.selectSessionById(id)).map(MyBatisProposalRepository::session);
    }

    /**
     * Draws the next number under a lock on the session row, so two delegates submitting at once queue
     * for a moment instead of colliding (an INSERT ... SELECT MAX() race ends in errors on MariaDB). The
     * unique key (session_id, number) still guards the rule; a duplicate would be retried.
     */
    @Override
    public Proposal insert(Proposal p) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            try {
                return transactions.execute(status -> {
                    if (mapper.lockSession(p.sessionId()) == null) {
                        throw new IllegalArgumentException("no proposal session " + p.sessionId());
                    }
                    ProposalRow row = toRow(p);
                    row.number = mapper.selectNextNumber(p.sessionId());
                    mapper.insert(row);
                    for (long cosigner : p.cosignerIds()) {
                        mapper.insertCosigner(row.id, cosigner);
                    }
                    return fromRow(row, p.cosignerIds());
                });
            } catch (DuplicateKeyException raced) {
                // cannot happen under the lock; kept so a changed isolation level fails safe
            }
        }
        throw new IllegalStateException("no free proposal number after " + NUMBER_ATTEMPTS + " attempts");
    }

    @Override
    public Optional<Proposal> find(long sessionId, int number) {
        return Optional.ofNullable(mapper.select(sessionId, number)).map(this::withCosigners);
    }

    @Override
    public List<Proposal> findBySession(long sessionId) {
        return mapper.selectBySession(sessionId).stream().map(this::withCosigners).toList();
    }

    @Override
    public List<Proposal> findByMember(long memberId) {
        return mapper.selectByMember(memberId).stream().map(this::withCosigners).toList();
    }

    @Override
    public void update(Proposal proposal) {
        mapper.update(toRow(proposal));
    }

    @Override
    public void publish(long sessionId, Instant at) {
        mapper.publish(sessionId, toDb(at));
    }

    private Proposal withCosigners(ProposalRow row) {
        return fromRow(row, mapper.selectCosigners(row.id));
    }

    private static ProposalRow toRow(Proposal p) {
        ProposalRow row = new ProposalRow();
        row.id = p.id() == 0 ? null : p.id();
        row.sessionId = p.sessionId();
        row.number = p.number();
        row.proposerId = p.proposerId();
        row.title = p.title();
        row.reasons = p.reasons();
        row.measures = p.measures();
        row.office = p.office();
        row.reply = p.reply();
        row.repliedAt = toDb(p.repliedAt());
        row.implementation = p.implementation().name();
        row.satisfaction = p.satisfaction() == null ? null : p.satisfaction().name();
        row.submittedAt = toDb(p.submittedAt());
        return row;
    }

    private static Proposal fromRow(ProposalRow r, List<Long> cosigners) {
        return new Proposal(r.id, r.sessionId, r.number, r.proposerId, r.title, r.reasons, r.measures, cosigners,
                r.office, r.reply, fromDb(r.repliedAt), Implementation.valueOf(r.implementation),
                r.satisfaction == null ? null : Satisfaction.valueOf(r.satisfaction), fromDb(r.submittedAt));
    }

    private static ProposalSession session(ProposalSessionRow r) {
        return new ProposalSession(r.id, r.term, r.meeting, fromDb(r.opensAt), fromDb(r.closesAt), fromDb(r.publishedAt));
    }
}
