package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * A congress meeting (第 term 届第 meeting 次教代会) with its proposal window.
 *
 * @param publishedAt when the session decided to publish its proposals and replies, or null
 */
public record ProposalSession(long id, int term, int meeting, Instant opensAt, Instant closesAt, Instant publishedAt) {
    public ProposalSession {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
    }

    public boolean acceptsAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
