package org.unionbot.core.knowledge;

import java.time.Instant;
import java.util.Objects;

/**
 * A question the knowledge base could not answer, handed to a committee member.
 *
 * @param askerMemberId who asked, so the committee member can reply to them
 * @param assigneeMemberId the committee member told to follow up; null when the union has none configured
 * @param entryId the entry made from it, once a committee member answered it; null while open
 */
public record UnansweredQuestion(long id, String question, Long askerMemberId, Long assigneeMemberId,
                                 Instant askedAt, String entryId) {
    public UnansweredQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(askedAt, "askedAt");
    }

    public boolean open() {
        return entryId == null;
    }

    @Override
    public String toString() {
        // question texts stay out of logs
        return "UnansweredQuestion[id=" + id + ", open=" + open() + "]";
    }
}
