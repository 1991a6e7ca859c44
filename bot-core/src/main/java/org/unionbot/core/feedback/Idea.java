package org.unionbot.core.feedback;

import java.util.Objects;

/** One idea of a round, numbered within it; the committee may put it on the shortlist. */
public record Idea(long id, long roundId, int number, long authorId, String text, boolean shortlisted) {
    public Idea {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "Idea[round=" + roundId + ", number=" + number + "]";
    }
}
