package org.unionbot.core.member;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A person in the union roster. Platform identities point to a member; votes, subscriptions and
 * deliveries key on the member, so one person is one member whatever app they write from.
 *
 * @param phoneTail the last four digits of the member's phone, kept only to let the member bind an
 *     identity by staff number and phone tail; the full number is not stored
 * @param groupId the member's union group (工会小组), or null
 */
public record Member(
        long id,
        String name,
        String staffNo,
        Gender gender,
        Birthday birthday,
        MemberStatus status,
        LocalDate joinDate,
        String phoneTail,
        Long groupId,
        Set<UnionRole> roles,
        Set<String> tags) {

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staffNo, "staffNo");
        gender = gender == null ? Gender.UNKNOWN : gender;
        status = status == null ? MemberStatus.ACTIVE : status;
        roles = roles == null || roles.isEmpty() ? Set.of(UnionRole.MEMBER) : Set.copyOf(roles);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public boolean has(UnionRole role) {
        return roles.contains(role);
    }

    /** 主席, 副主席 and 委员 run the union's business. */
    public boolean isCommittee() {
        return has(UnionRole.CHAIR) || has(UnionRole.VICE_CHAIR) || has(UnionRole.COMMITTEE);
    }

    @Override
    public String toString() {
        // Names and phone tails stay out of logs.
        return "Member[id=" + id + "]";
    }
}
