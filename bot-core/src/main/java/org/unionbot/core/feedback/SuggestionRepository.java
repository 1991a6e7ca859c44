package org.unionbot.core.feedback;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where suggestions are kept. Implemented over the database and, for tests, in memory. */
public interface SuggestionRepository {

    /** Stores a new suggestion; false when its id, ref or code hash is taken (the caller draws again). */
    boolean insert(Suggestion suggestion);

    Optional<Suggestion> findByRef(String ref);

    Optional<Suggestion> findByCodeHash(String codeHash);

    /** Suggestions in any of the statuses, oldest submission date first. */
    List<Suggestion> findByStatus(Collection<SuggestionStatus> statuses);

    /**
     * Writes the suggestion's status, assignment, answer and closing if the stored status is still
     * {@code expected}: two committee members acting at once cannot both win.
     */
    boolean update(Suggestion suggestion, SuggestionStatus expected);

    /** Answered or closed suggestions with an answer that no digest has carried yet. */
    List<Suggestion> findUnpublishedAnswers(int limit);

    void markPublished(Collection<Long> ids, LocalDate on);
}
