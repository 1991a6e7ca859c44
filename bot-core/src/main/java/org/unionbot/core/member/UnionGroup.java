package org.unionbot.core.member;

import java.util.Objects;

/** A union group (工会小组), usually a teaching-research group or an office, with its leader. */
public record UnionGroup(long id, String name, Long leaderMemberId) {
    public UnionGroup {
        Objects.requireNonNull(name, "name");
    }
}
