package org.unionbot.core.poll;

import java.time.Instant;
import java.util.Objects;

/** A stored poll: its draft (fixed once open), status and who created it. */
public record Poll(long id, PollDraft spec, PollStatus status, long createdBy, Instant createdAt,
                   Instant closedAt) {
    public Poll {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
    }

    public boolean isOpen() {
        return status == PollStatus.OPEN;
    }

    public String title() {
        return spec.title();
    }

    public PollKind kind() {
        return spec.kind();
    }

    public boolean secret() {
        return spec.secret();
    }
}
