package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where care cases and their follow-up notes are kept. */
public interface CareCaseRepository {

    /** Stores a new case and returns it with its id; empty when the ref is taken (the caller draws again). */
    Optional<CareCase> insert(CareCase careCase);

    Optional<CareCase> findByRef(String ref);

    /** Open cases, oldest first; all of them, the caller filters by who may see them. */
    List<CareCase> findOpen();

    /**
     * Closed cases, most recently closed first, at most {@code limit}: those assigned to
     * {@code assigneeMemberId}, or all of them when it is null (the chair's view).
     */
    List<CareCase> findClosed(Long assigneeMemberId, int limit);

    void addNote(CareNote note);

    List<CareNote> notes(long caseId);

    /** Closes an open case; false when it was closed already. */
    boolean close(long caseId, Instant at);
}
