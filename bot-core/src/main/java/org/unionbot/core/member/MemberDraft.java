package org.unionbot.core.member;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A member as a roster row describes them, before it has an id. The staff number is the natural key:
 * importing the same roster twice updates, never duplicates.
 *
 * @param groupName the union group's name, created on first use; null for none
 */
public record MemberDraft(
        String name,
        String staffNo,
        Gender gender,
        Birthday birthday,
        MemberStatus status,
        LocalDate joinDate,
        String phoneTail,
        String groupName,
        Set<UnionRole> roles,
        Set<String> tags) {

    public MemberDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staffNo, "staffNo");
        gender = gender == null ? Gender.UNKNOWN : gender;
        status = status == null ? MemberStatus.ACTIVE : status;
        roles = roles == null || roles.isEmpty() ? Set.of(UnionRole.MEMBER) : Set.copyOf(roles);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    @Override
    public String toString() {
        // Roster rows reach logs through errors; names and phone tails must not.
        return "MemberDraft[staffNo=" + staffNo + "]";
    }
}
