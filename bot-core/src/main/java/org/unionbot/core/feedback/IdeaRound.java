package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.Objects;

/** A call for ideas (金点子征集) on a theme, open until its deadline. */
public record IdeaRound(long id, String theme, Instant opensAt, Instant deadline) {
    public IdeaRound {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    public boolean acceptsAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(deadline);
    }
}
