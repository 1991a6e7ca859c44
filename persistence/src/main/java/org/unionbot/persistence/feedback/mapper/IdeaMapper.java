package org.unionbot.persistence.feedback.mapper;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The {@code idea_round} and {@code idea} tables. */
public interface IdeaMapper {

    void insertRound(IdeaRoundRow row);

    IdeaRoundRow selectLatestRound();

    /** Locks the round row until the transaction ends, so numbers are drawn one at a time. */
    Long lockRound(long roundId);

    int selectNextNumber(long roundId);

    void insert(IdeaRow row);

    List<IdeaRow> selectByRound(long roundId);

    void setShortlist(@Param("roundId") long roundId, @Param("numbers") Collection<Integer> numbers);
}
