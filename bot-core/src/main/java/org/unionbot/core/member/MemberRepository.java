package org.unionbot.core.member;

import java.util.List;
import java.util.Optional;
import org.unionbot.core.message.Platform;

/**
 * The union roster: members, their union groups and their platform identities. Implemented over the
 * database by the persistence module and in memory by the test harness.
 */
public interface MemberRepository {

    Optional<Member> findById(long id);

    Optional<Member> findByStaffNo(String staffNo);

    /** The member a platform account is bound to; empty for an unbound sender. */
    Optional<Member> findByIdentity(Platform platform, String platformUserId);

    List<Member> findByRole(UnionRole role);

    /** Every member, ordered by staff number. */
    List<Member> findAll();

    List<Member> membersOfGroup(long groupId);

    long count();

    /**
     * Creates the member, or updates the one with the same staff number; the group named in the draft is
     * created when missing. Roles and tags are replaced by the draft's.
     */
    SaveOutcome save(MemberDraft draft);

    List<PlatformIdentity> identitiesOf(long memberId);

    /** Every account bound on one platform (the demo's person picker lists the web ones). */
    List<PlatformIdentity> identitiesOn(Platform platform);

    /**
     * Binds a platform account to a member. An account bound to someone else stays bound to them: one
     * account can never speak for two people.
     *
     * @return false when the account was already bound to a different member
     */
    boolean bindIdentity(PlatformIdentity identity);

    Optional<UnionGroup> findGroup(long groupId);

    List<UnionGroup> groups();

    /** Makes {@code leaderMemberId} the group's leader (组长); null clears it. */
    void setGroupLeader(long groupId, Long leaderMemberId);

    /** How a {@link #save} changed the roster. */
    record SaveOutcome(long memberId, Change change) {}

    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
