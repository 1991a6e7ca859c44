package org.unionbot.persistence.feedback.mapper;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The {@code proposal_session}, {@code proposal} and {@code proposal_cosigner} tables. */
public interface ProposalMapper {

    void insertSession(ProposalSessionRow row);

    ProposalSessionRow selectSession(@Param("term") int term, @Param("meeting") int meeting);

    ProposalSessionRow selectSessionById(long id);

    ProposalSessionRow selectLatestSession();

    /** Locks the session row until the transaction ends, so numbers are drawn one at a time. */
    Long lockSession(long sessionId);

    int selectNextNumber(long sessionId);

    /** Sets {@code row.id}. */
    void insert(ProposalRow row);

    void insertCosigner(@Param("proposalId") long proposalId, @Param("memberId") long memberId);

    ProposalRow select(@Param("sessionId") long sessionId, @Param("number") int number);

    List<ProposalRow> selectBySession(long sessionId);

    List<ProposalRow> selectByMember(long memberId);

    List<Long> selectCosigners(long proposalId);

    void update(ProposalRow row);

    void publish(@Param("sessionId") long sessionId, @Param("at") LocalDateTime at);
}
