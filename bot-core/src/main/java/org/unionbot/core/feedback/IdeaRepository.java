package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Idea rounds and their ideas. */
public interface IdeaRepository {

    IdeaRound createRound(String theme, Instant opensAt, Instant deadline);

    /** The most recently opened round, the one the commands refer to. */
    Optional<IdeaRound> latestRound();

    /** Stores the idea under the next number of its round and returns it numbered. */
    Idea insert(Idea idea);

    List<Idea> ideas(long roundId);

    /** Puts exactly these numbers of the round on the shortlist (others off it). */
    void setShortlist(long roundId, Collection<Integer> numbers);
}
