package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Congress sessions and their proposals. */
public interface ProposalRepository {

    /** Creates the session; empty when that 届/次 exists already. */
    Optional<ProposalSession> createSession(int term, int meeting, Instant opensAt, Instant closesAt);

    Optional<ProposalSession> findSession(int term, int meeting);

    /** The most recently opened session, the one committee commands refer to. */
    Optional<ProposalSession> latestSession();

    Optional<ProposalSession> findSessionById(long id);

    /** Stores the proposal under the next free number of its session and returns it numbered. */
    Proposal insert(Proposal proposal);

    Optional<Proposal> find(long sessionId, int number);

    List<Proposal> findBySession(long sessionId);

    /** Proposals the member submitted or co-signed, newest first. */
    List<Proposal> findByMember(long memberId);

    /** Writes office, reply, implementation and satisfaction. */
    void update(Proposal proposal);

    void publish(long sessionId, Instant at);
}
