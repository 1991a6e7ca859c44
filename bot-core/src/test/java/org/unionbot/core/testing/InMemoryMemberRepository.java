package org.unionbot.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;

/** The roster in memory, with the same contract as the database repository. */
public class InMemoryMemberRepository implements MemberRepository {
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Map<Long, UnionGroup> groups = new LinkedHashMap<>();
    private final Map<String, PlatformIdentity> identities = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final AtomicLong groupIds = new AtomicLong(1);

    @Override
    public synchronized Optional<Member> findById(long id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public synchronized Optional<Member> findByStaffNo(String staffNo) {
        return members.values().stream().filter(m -> m.staffNo().equals(staffNo)).findFirst();
    }

    @Override
    public synchronized Optional<Member> findByIdentity(Platform platform, String platformUserId) {
        PlatformIdentity identity = identities.get(key(platform, platformUserId));
        return identity == null ? Optional.empty() : findById(identity.memberId());
    }

    @Override
    public synchronized List<Member> findByRole(UnionRole role) {
        return members.values().stream().filter(m -> m.has(role)).sorted(byStaffNo()).toList();
    }

    @Override
    public synchronized List<Member> findAll() {
        return members.values().stream().sorted(byStaffNo()).toList();
    }

    @Override
    public synchronized List<Member> membersOfGroup(long groupId) {
        return members.values().stream().filter(m -> Long.valueOf(groupId).equals(m.groupId()))
                .sorted(byStaffNo()).toList();
    }

    @Override
    public synchronized long count() {
        return members.size();
    }

    @Override
    public synchronized SaveOutcome save(MemberDraft draft) {
        Long groupId = draft.groupName() == null ? null : ensureGroup(draft.groupName()).id();
        Optional<Member> existing = findByStaffNo(draft.staffNo());
        long id = existing.map(Member::id).orElseGet(ids::getAndIncrement);
        Member member = new Member(id, draft.name(), draft.staffNo(), draft.gender(), draft.birthday(),
                draft.status(), draft.joinDate(), draft.phoneTail(), groupId, draft.roles(), draft.tags());
        members.put(id, member);
        if (existing.isEmpty()) {
            return new SaveOutcome(id, Change.CREATED);
        }
        return new SaveOutcome(id, existing.get().equals(member) ? Change.UNCHANGED : Change.UPDATED);
    }

    @Override
    public synchronized List<PlatformIdentity> identitiesOf(long memberId) {
        return identities.values().stream().filter(i -> i.memberId() == memberId).toList();
    }

    @Override
    public synchronized List<PlatformIdentity> identitiesOn(Platform platform) {
        return identities.values().stream().filter(i -> i.platform() == platform).toList();
    }

    @Override
    public synchronized boolean bindIdentity(PlatformIdentity identity) {
        PlatformIdentity existing = identities.putIfAbsent(key(identity.platform(), identity.platformUserId()), identity);
        return existing == null || existing.memberId() == identity.memberId();
    }

    @Override
    public synchronized Optional<UnionGroup> findGroup(long groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public synchronized List<UnionGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    @Override
    public synchronized void setGroupLeader(long groupId, Long leaderMemberId) {
        UnionGroup group = groups.get(groupId);
        if (group != null) {
            groups.put(groupId, new UnionGroup(groupId, group.name(), leaderMemberId));
        }
    }

    private UnionGroup ensureGroup(String name) {
        for (UnionGroup group : groups.values()) {
            if (group.name().equals(name)) {
                return group;
            }
        }
        UnionGroup created = new UnionGroup(groupIds.getAndIncrement(), name, null);
        groups.put(created.id(), created);
        return created;
    }

    private static String key(Platform platform, String userId) {
        return platform.code() + ":" + userId;
    }

    private static Comparator<Member> byStaffNo() {
        return Comparator.comparing(Member::staffNo);
    }

    /** Distinct tags over the roster; handy in tests of audiences. */
    public synchronized java.util.Set<String> allTags() {
        var all = new HashSet<String>();
        members.values().forEach(m -> all.addAll(m.tags()));
        return all;
    }
}
