package org.unionbot.persistence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.CalendarKind;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.persistence.mapper.GroupMapper;
import org.unionbot.persistence.mapper.IdentityMapper;
import org.unionbot.persistence.mapper.IdentityRow;
import org.unionbot.persistence.mapper.MemberMapper;
import org.unionbot.persistence.mapper.MemberRow;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster in MySQL/MariaDB through MyBatis. Not final: Spring subclasses it to apply
 * {@link Transactional}.
 */
public class MyBatisMemberRepository implements MemberRepository {

    /** Column widths of V1__roster.sql, checked here so a bad roster row fails with a clear message. */
    private static final int MAX_NAME = 100;
    private static final int MAX_STAFF_NO = 64;
    private static final int MAX_PHONE_TAIL = 4;
    private static final int MAX_GROUP_NAME = 100;
    private static final int MAX_TAG = 64;
    private static final int MAX_PLATFORM_USER_ID = 128;

    private final MemberMapper members;
    private final GroupMapper groups;
    private final IdentityMapper identities;
    private final Clock clock;

    public MyBatisMemberRepository(MemberMapper members, GroupMapper groups, IdentityMapper identities, Clock clock) {
        this.members = members;
        this.groups = groups;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public Optional<Member> findById(long id) {
        return Optional.ofNullable(members.selectById(id)).map(MyBatisMemberRepository::toMember);
    }

    @Override
    public Optional<Member> findByStaffNo(String staffNo) {
        return Optional.ofNullable(members.selectByStaffNo(staffNo)).map(MyBatisMemberRepository::toMember);
    }

    @Override
    public Optional<Member> findByIdentity(Platform platform, String platformUserId) {
        return Optional.ofNullable(members.selectByIdentity(platform.code(), platformUserId))
                .map(MyBatisMemberRepository::toMember);
    }

    @Override
    public List<Member> findByRole(UnionRole role) {
        return toMembers(members.selectByRole(role.name()));
    }

    @Override
    public List<Member> findAll() {
        return toMembers(members.selectAll());
    }

    @Override
    public List<Member> membersOfGroup(long groupId) {
        return toMembers(members.selectByGroup(groupId));
    }

    @Override
    public long count() {
        return members.countMembers();
    }

    @Override
    @Transactional
    public SaveOutcome save(MemberDraft draft) {
        checkFits(draft);
        Long groupId = isBlank(draft.groupName()) ? null : groupIdCreatingIfMissing(draft.groupName());
        LocalDateTime now = DbTime.toDb(clock.instant());
        MemberRow stored = members.selectByStaffNoForUpdate(draft.staffNo());
        if (stored == null) {
            MemberRow row = toRow(null, draft, groupId);
            members.insertMember(row, now);
            long id = row.getId();
            insertRoles(id, draft.roles());
            insertTags(id, draft.tags());
            return new SaveOutcome(id, Change.CREATED);
        }
        long id = stored.getId();
        MemberRow updated = toRow(id, draft, groupId);
        Member before = toMember(stored);
        Member after = toMember(updated);
        // Member is a record: equals compares every field, roles and tags as sets.
        if (before.equals(after)) {
            return new SaveOutcome(id, Change.UNCHANGED);
        }
        members.updateMember(updated, now);
        if (!before.roles().equals(after.roles())) {
            members.deleteRoles(id);
            insertRoles(id, after.roles());
        }
        if (!before.tags().equals(after.tags())) {
            members.deleteTags(id);
            insertTags(id, after.tags());
        }
        return new SaveOutcome(id, Change.UPDATED);
    }

    @Override
    public List<PlatformIdentity> identitiesOf(long memberId) {
        return toIdentities(identities.selectByMember(memberId));
    }

    @Override
    public List<PlatformIdentity> identitiesOn(Platform platform) {
        return toIdentities(identities.selectByPlatform(platform.code()));
    }

    @Override
    public boolean bindIdentity(PlatformIdentity identity) {
        checkLength("platform user id", identity.platformUserId(), MAX_PLATFORM_USER_ID);
        String platform = identity.platform().code();
        // The primary key decides, not a read-then-write: two instances binding the same account at the
        // same moment cannot both win.
        int inserted = identities.insertIgnore(
                platform, identity.platformUserId(), identity.memberId(), DbTime.toDb(clock.instant()));
        if (inserted == 1) {
            return true;
        }
        Long boundTo = identities.selectMemberId(platform, identity.platformUserId());
        return boundTo != null && boundTo == identity.memberId();
    }

    @Override
    public Optional<UnionGroup> findGroup(long groupId) {
        return Optional.ofNullable(groups.selectById(groupId));
    }

    @Override
    public List<UnionGroup> groups() {
        return groups.selectAll();
    }

    /** An unknown group is ignored, as bot-core's in-memory repository does. */
    @Override
    public void setGroupLeader(long groupId, Long leaderMemberId) {
        groups.updateLeader(groupId, leaderMemberId);
    }

    private long groupIdCreatingIfMissing(String name) {
        Long id = groups.selectIdByName(name);
        if (id != null) {
            return id;
        }
        GroupMapper.GroupInsert insert = new GroupMapper.GroupInsert(name);
        if (groups.insertIgnore(insert) == 1) {
            return insert.getId();
        }
        // Another transaction created it after our snapshot; only a locking read sees that row.
        return Objects.requireNonNull(groups.selectIdByNameLocking(name), "union group vanished: " + name);
    }

    private void insertRoles(long memberId, Set<UnionRole> roles) {
        // A member always has a role (Member and MemberDraft default to MEMBER), so this is never empty.
        members.insertRoles(memberId, roles.stream().map(Enum::name).sorted().toList());
    }

    private void insertTags(long memberId, Set<String> tags) {
        if (!tags.isEmpty()) {
            members.insertTags(memberId, tags.stream().sorted().toList());
        }
    }

    private static MemberRow toRow(Long id, MemberDraft draft, Long groupId) {
        Birthday birthday = draft.birthday();
        MemberRow row = new MemberRow(
                id,
                draft.name(),
                draft.staffNo(),
                draft.gender().name(),
                birthday == null ? null : birthday.calendar().name(),
                birthday == null ? null : birthday.month(),
                birthday == null ? null : birthday.day(),
                birthday != null && birthday.leapMonth(),
                draft.status().name(),
                draft.joinDate(),
                draft.phoneTail(),
                groupId);
        draft.roles().forEach(role -> row.getRoles().add(role.name()));
        row.getTags().addAll(draft.tags());
        return row;
    }

    private static Member toMember(MemberRow row) {
        Birthday birthday = row.getBirthdayCalendar() == null
                ? null
                : new Birthday(
                        CalendarKind.valueOf(row.getBirthdayCalendar()),
                        row.getBirthdayMonth(),
                        row.getBirthdayDay(),
                        row.isBirthdayLeap());
        Set<UnionRole> roles = row.getRoles().stream().map(UnionRole::valueOf).collect(Collectors.toSet());
        return new Member(
                row.getId(),
                row.getName(),
                row.getStaffNo(),
                Gender.valueOf(row.getGender()),
                birthday,
                MemberStatus.valueOf(row.getStatus()),
                row.getJoinDate(),
                row.getPhoneTail(),
                row.getGroupId(),
                roles,
                row.getTags());
    }

    private static List<Member> toMembers(List<MemberRow> rows) {
        return rows.stream().map(MyBatisMemberRepository::toMember).toList();
    }

    private static List<PlatformIdentity> toIdentities(List<IdentityRow> rows) {
        return rows.stream()
                .map(r -> new PlatformIdentity(Platform.fromCode(r.platform()), r.platformUserId(), r.memberId()))
                .toList();
    }

    private static void checkFits(MemberDraft draft) {
        checkLength("name", draft.name(), MAX_NAME);
        checkLength("staff number", draft.staffNo(), MAX_STAFF_NO);
        checkLength("phone tail", draft.phoneTail(), MAX_PHONE_TAIL);
        checkLength("group name", draft.groupName(), MAX_GROUP_NAME);
        draft.tags().forEach(tag -> checkLength("tag", tag, MAX_TAG));
        if (isBlank(draft.staffNo())) {
            throw new IllegalArgumentException("staff number is blank");
        }
    }

    private static void checkLength(String what, String value, int maxChars) {
        // The message names the field, never the value: roster data stays out of logs.
        if (value != null && value.codePointCount(0, value.length()) > maxChars) {
            throw new IllegalArgumentException(what + " longer than " + maxChars + " characters");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
