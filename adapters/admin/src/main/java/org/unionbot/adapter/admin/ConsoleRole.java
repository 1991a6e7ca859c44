package org.unionbot.adapter.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.UnionRole;

/**
 * What a console user may see, derived from the member's union roles at each login (never stored, so a
 * roster change takes effect at the next login). Ordered from most to least powerful: a role includes
 * the ones after it, so a page declares only the lowest role that may open it.
 */
public enum ConsoleRole {
    CHAIR,
    COMMITTEE,
    GROUP_LEADER;

    /** The role's name as the console shows it (主席, 委员, 组长). */
    public String label() {
        return switch (this) {
            case CHAIR -> ConsoleTexts.get("role.chair");
            case COMMITTEE -> ConsoleTexts.get("role.committee");
            case GROUP_LEADER -> ConsoleTexts.get("role.groupLeader");
        };
    }

    /** Spring Security's authority for this role ({@code ROLE_CHAIR} …). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** 主席 → 主席; 副主席 and 委员 → 委员; 组长 → 组长; anyone else has no console. */
    public static Optional<ConsoleRole> of(Member member) {
        if (member.has(UnionRole.CHAIR)) {
            return Optional.of(CHAIR);
        }
        if (member.has(UnionRole.VICE_CHAIR) || member.has(UnionRole.COMMITTEE)) {
            return Optional.of(COMMITTEE);
        }
        if (member.has(UnionRole.GROUP_LEADER)) {
            return Optional.of(GROUP_LEADER);
        }
        return Optional.empty();
    }

    /** This role and every role below it: the authorities granted at login. */
    public Set<ConsoleRole> withLower() {
        EnumSet<ConsoleRole> set = EnumSet.noneOf(ConsoleRole.class);
        for (ConsoleRole r : values()) {
            if (r.ordinal() >= ordinal()) {
                set.add(r);
            }
        }
        return set;
    }

    /** The roles that may open a page whose lowest role is this one. */
    public List<ConsoleRole> allowed() {
        return List.of(values()).subList(0, ordinal() + 1);
    }
}
