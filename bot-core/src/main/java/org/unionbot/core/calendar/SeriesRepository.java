package org.unionbot.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The union's reminder series and their approval. */
public interface SeriesRepository {

    /**
     * Stores the definition of a series. A new series, or one whose definition changed, is PENDING: a
     * changed plan must be approved again before it sends.
     *
     * @return the series as stored
     */
    StoredSeries save(String key, String title, String definition, Instant now);

    Optional<StoredSeries> find(String key);

    List<StoredSeries> all();

    /** Approves a pending series; false if there is no such series. */
    boolean approve(String key, long approverMemberId, Instant now);

    /** Pauses an approved series; false if there is no approved series of that key. */
    boolean pause(String key, Instant now);
}
