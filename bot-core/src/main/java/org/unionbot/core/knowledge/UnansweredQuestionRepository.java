package org.unionbot.core.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The log of questions handed off to the committee, the union's list of knowledge to add. */
public interface UnansweredQuestionRepository {

    /** Records a new open question and returns its number. */
    long record(String question, Long askerMemberId, Long assigneeMemberId, Instant askedAt);

    /** Open questions, oldest first, at most {@code limit}. */
    List<UnansweredQuestion> open(int limit);

    Optional<UnansweredQuestion> find(long id);

    /** Marks the question answered by the entry; false when it was not open. */
    boolean resolve(long id, String entryId, Instant resolvedAt);
}
