package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberRepository.Change;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;

class MemberRepositoryIT extends DatabaseIT {

    @Autowired
    MemberRepository members;

    @Autowired
    PersistenceTestApplication.StatementCounter statements;

    @Test
    void firstSaveCreatesSecondIdenticalSaveChangesNothing() {
        MemberDraft draft = teacher("T001", "张伟", "语文组");

        MemberRepository.SaveOutcome first = members.save(draft);
        clock.advance(Duration.ofHours(1));
        MemberRepository.SaveOutcome second = members.save(draft);

        assertThat(first.change()).isEqualTo(Change.CREATED);
        assertThat(second).isEqualTo(new MemberRepository.SaveOutcome(first.memberId(), Change.UNCHANGED));
        assertThat(count("member")).isEqualTo(1);
        assertThat(count("union_group")).isEqualTo(1);
        // UNCHANGED writes nothing: updated_at still says the first save.
        assertThat(sql.queryForObject("SELECT updated_at FROM member WHERE id = ?", LocalDateTime.class, first.memberId()))
                .isEqualTo(LocalDateTime.of(2026, 3, 8, 1, 0));
    }

    @Test
    void changedRowIsUpdatedInPlace() {
        long id = members.save(teacher("T001", "张伟", "语文组")).memberId();
        clock.advance(Duration.ofMinutes(5));

        MemberRepository.SaveOutcome outcome = members.save(new MemberDraft(
                "张伟", "T001", Gender.MALE, Birthday.lunar(8, 15), MemberStatus.RETIRED,
                LocalDate.of(1990, 9, 1), "4321", "数学组", Set.of(UnionRole.MEMBER), Set.of()));

        assertThat(outcome).isEqualTo(new MemberRepository.SaveOutcome(id, Change.UPDATED));
        Map<String, Object> row = sql.queryForMap(
                "SELECT m.status, m.phone_tail, m.birthday_calendar, m.birthday_month, m.birthday_day, g.name AS group_name,"
                        + " m.updated_at FROM member m JOIN union_group g ON g.id = m.group_id WHERE m.id = ?",
                id);
        assertThat(row).containsEntry("status", "RETIRED")
                .containsEntry("phone_tail", "4321")
                .containsEntry("birthday_calendar", "LUNAR")
                .containsEntry("group_name", "数学组")
                .containsEntry("updated_at", LocalDateTime.of(2026, 3, 8, 1, 5));
        assertThat(((Number) row.get("birthday_month")).intValue()).isEqualTo(8);
        assertThat(count("member")).isEqualTo(1);
        assertThat(count("union_group")).isEqualTo(2);
    }

    @Test
    void rolesAndTagsAreReplacedNotMerged() {
        long id = members.save(new MemberDraft("李娜", "T002", Gender.FEMALE, null, null, null, null, null,
                Set.of(UnionRole.COMMITTEE, UnionRole.DELEGATE), Set.of("党员", "班主任"))).memberId();

        MemberRepository.SaveOutcome outcome = members.save(new MemberDraft("李娜", "T002", Gender.FEMALE, null, null,
                null, null, null, Set.of(UnionRole.CHAIR), Set.of("退休返聘")));

        assertThat(outcome.change()).isEqualTo(Change.UPDATED);
        assertThat(sql.queryForList("SELECT role FROM member_role WHERE member_id = ?", String.class, id))
                .containsExactly("CHAIR");
        assertThat(sql.queryForList("SELECT tag FROM member_tag WHERE member_id = ?", String.class, id))
                .containsExactly("退休返聘");
        assertThat(members.findById(id).orElseThrow().roles()).containsExactly(UnionRole.CHAIR);
    }

    @Test
    void onlyATagChangeStillCountsAsAnUpdate() {
        members.save(new MemberDraft("李娜", "T002", null, null, null, null, null, null, null, Set.of("党员")));

        assertThat(members.save(new MemberDraft("李娜", "T002", null, null, null, null, null, null, null,
                Set.of("党员", "班主任"))).change()).isEqualTo(Change.UPDATED);
        assertThat(members.save(new MemberDraft("李娜", "T002", null, null, null, null, null, null, null,
                Set.of("班主任", "党员"))).change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void staffNumberMatchesWhateverTheCaseSoAReimportDoesNotDuplicate() {
        long id = members.save(teacher("T001", "张伟", null)).memberId();

        MemberRepository.SaveOutcome outcome = members.save(teacher("t001", "张伟", null));

        assertThat(outcome).isEqualTo(new MemberRepository.SaveOutcome(id, Change.UPDATED));
        assertThat(count("member")).isEqualTo(1);
        assertThat(members.findByStaffNo("T001").orElseThrow().staffNo()).isEqualTo("t001");
    }

    @Test
    void findByIdentityReturnsTheWholeMemberInOneStatement() {
        long id = members.save(new MemberDraft("王芳🌸", "T003", Gender.FEMALE, Birthday.solar(2, 29),
                MemberStatus.ACTIVE, LocalDate.of(2010, 9, 1), "0571", "英语组",
                Set.of(UnionRole.GROUP_LEADER, UnionRole.DELEGATE), Set.of("党员", "🌸", "🌼"))).memberId();
        assertThat(members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, "oAbC-openid", id))).isTrue();
        long groupId = sql.queryForObject("SELECT id FROM union_group WHERE name = '英语组'", Long.class);

        int before = statements.count();
        Member member = members.findByIdentity(Platform.WECHAT_MP, "oAbC-openid").orElseThrow();
        int used = statements.count() - before;

        assertThat(used).as("statements for one findByIdentity").isEqualTo(1);
        assertThat(member.id()).isEqualTo(id);
        assertThat(member.name()).isEqualTo("王芳🌸");
        assertThat(member.roles()).containsExactlyInAnyOrder(UnionRole.GROUP_LEADER, UnionRole.DELEGATE);
        assertThat(member.tags()).containsExactlyInAnyOrder("党员", "🌸", "🌼");
        assertThat(member.groupId()).isEqualTo(groupId);
        assertThat(member.birthday()).isEqualTo(Birthday.solar(2, 29));
        assertThat(member.joinDate()).isEqualTo(LocalDate.of(2010, 9, 1));
        assertThat(member.phoneTail()).isEqualTo("0571");
        assertThat(members.findByIdentity(Platform.WECHAT_MP, "oabc-openid"))
                .as("openids are case-sensitive").isEmpty();
        assertThat(members.findByIdentity(Platform.WECOM, "oAbC-openid")).isEmpty();
    }

    @Test
    void listsAreWholeMembersWithoutOneQueryPerMember() {
        for (int i = 1; i <= 5; i++) {
            members.save(new MemberDraft("成员" + i, "T00" + i, null, null, null, null, null, "语文组",
                    Set.of(UnionRole.MEMBER, UnionRole.DELEGATE), Set.of("a" + i, "b" + i)));
        }

        int before = statements.count();
        List<Member> all = members.findAll();

        assertThat(statements.count() - before).isEqualTo(1);
        assertThat(all).extracting(Member::staffNo).containsExactly("T001", "T002", "T003", "T004", "T005");
        assertThat(all).allSatisfy(m -> {
            assertThat(m.roles()).containsExactlyInAnyOrder(UnionRole.MEMBER, UnionRole.DELEGATE);
            assertThat(m.tags()).hasSize(2);
        });
    }

    @Test
    void bindingAnAccountAlreadyBoundToSomeoneElseFails() {
        long zhang = members.save(teacher("T001", "张伟", null)).memberId();
        long li = members.save(teacher("T002", "李娜", null)).memberId();

        assertThat(members.bindIdentity(new PlatformIdentity(Platform.DINGTALK, "staff-1", zhang))).isTrue();
        assertThat(members.bindIdentity(new PlatformIdentity(Platform.DINGTALK, "staff-1", zhang)))
                .as("binding again to the same member").isTrue();
        assertThat(members.bindIdentity(new PlatformIdentity(Platform.DINGTALK, "staff-1", li))).isFalse();

        assertThat(sql.queryForList(
                        "SELECT member_id FROM member_identity WHERE platform = 'dingtalk' AND platform_user_id = 'staff-1'",
                        Long.class))
                .containsExactly(zhang);
        assertThat(sql.queryForObject("SELECT bound_at FROM member_identity", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2026, 3, 8, 1, 0));
    }

    @Test
    void identitiesAreListedByMemberAndByPlatform() {
        long zhang = members.save(teacher("T001", "张伟", null)).memberId();
        long li = members.save(teacher("T002", "李娜", null)).memberId();
        members.bindIdentity(new PlatformIdentity(Platform.WEB, "web-zhang", zhang));
        members.bindIdentity(new PlatformIdentity(Platform.WECOM, "ZhangWei", zhang));
        members.bindIdentity(new PlatformIdentity(Platform.WEB, "web-li", li));

        assertThat(members.identitiesOf(zhang)).containsExactly(
                new PlatformIdentity(Platform.WEB, "web-zhang", zhang),
                new PlatformIdentity(Platform.WECOM, "ZhangWei", zhang));
        assertThat(members.identitiesOn(Platform.WEB)).containsExactly(
                new PlatformIdentity(Platform.WEB, "web-li", li),
                new PlatformIdentity(Platform.WEB, "web-zhang", zhang));
        assertThat(sql.queryForList("SELECT DISTINCT platform FROM member_identity ORDER BY platform", String.class))
                .containsExactly("web", "wecom");
    }

    @Test
    void textThatLooksLikeSqlOrNeedsFourBytesIsStoredAsGiven() {
        String injection = "'; DROP TABLE member; --";
        long a = members.save(new MemberDraft(injection, "T010", null, null, null, null, null, "𠮷组", null,
                Set.of("🌸", "🌼", "a'b\"c\\d"))).memberId();
        long b = members.save(new MemberDraft("王芳🌸", "T011", null, null, null, null, null, "𡈽组", null, null))
                .memberId();

        assertThat(sql.queryForObject("SELECT name FROM member WHERE id = ?", String.class, a)).isEqualTo(injection);
        assertThat(sql.queryForObject("SELECT name FROM member WHERE id = ?", String.class, b)).isEqualTo("王芳🌸");
        // Four-byte UTF-8 really stored, not replaced by '?': F0 9F 8C B8 is U+1F338.
        assertThat(sql.queryForObject("SELECT HEX(name) FROM member WHERE id = ?", String.class, b))
                .endsWith("F09F8CB8");
        assertThat(sql.queryForList("SELECT name FROM union_group ORDER BY id", String.class))
                .as("distinct rare CJK group names stay distinct").containsExactly("𠮷组", "𡈽组");
        assertThat(members.findById(a).orElseThrow().tags()).containsExactlyInAnyOrder("🌸", "🌼", "a'b\"c\\d");
        assertThat(members.findByStaffNo("T011").orElseThrow().name()).isEqualTo("王芳🌸");
        assertThat(count("member")).as("the table is still there").isEqualTo(2);
    }

    @Test
    void groupsAreCreatedOnceAndGetLeaders() {
        long zhang = members.save(teacher("T001", "张伟", "语文组")).memberId();
        members.save(teacher("T002", "李娜", "语文组"));
        members.save(teacher("T003", "王芳", null));
        long groupId = members.findById(zhang).orElseThrow().groupId();

        members.setGroupLeader(groupId, zhang);

        assertThat(members.groups()).containsExactly(new UnionGroup(groupId, "语文组", zhang));
        assertThat(members.findGroup(groupId)).contains(new UnionGroup(groupId, "语文组", zhang));
        assertThat(members.membersOfGroup(groupId)).extracting(Member::staffNo).containsExactly("T001", "T002");
        assertThat(sql.queryForObject("SELECT leader_member_id FROM union_group WHERE id = ?", Long.class, groupId))
                .isEqualTo(zhang);

        members.setGroupLeader(groupId, null);
        assertThat(members.findGroup(groupId).orElseThrow().leaderMemberId()).isNull();
        members.setGroupLeader(groupId + 1000, zhang);
        assertThat(members.groups()).hasSize(1);
    }

    @Test
    void findByRoleAndCount() {
        members.save(new MemberDraft("张伟", "T001", null, null, null, null, null, null,
                Set.of(UnionRole.CHAIR, UnionRole.DELEGATE), null));
        members.save(new MemberDraft("李娜", "T002", null, null, null, null, null, null, null, null));
        members.save(new MemberDraft("王芳", "T003", null, null, null, null, null, null, Set.of(UnionRole.DELEGATE), null));

        assertThat(members.findByRole(UnionRole.DELEGATE)).extracting(Member::staffNo).containsExactly("T001", "T003");
        assertThat(members.findByRole(UnionRole.DELEGATE).get(0).roles())
                .as("the role filter does not hide the member's other roles")
                .containsExactlyInAnyOrder(UnionRole.CHAIR, UnionRole.DELEGATE);
        assertThat(members.findByRole(UnionRole.MEMBER)).extracting(Member::staffNo).containsExactly("T002");
        assertThat(members.count()).isEqualTo(3);
        assertThat(members.findById(123_456)).isEmpty();
    }

    @Test
    void memberWithoutOptionalFieldsRoundTrips() {
        long id = members.save(new MemberDraft("赵敏", "T020", null, null, null, null, null, "  ", null, null))
                .memberId();

        Member member = members.findById(id).orElseThrow();

        assertThat(member.gender()).isEqualTo(Gender.UNKNOWN);
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.birthday()).isNull();
        assertThat(member.joinDate()).isNull();
        assertThat(member.phoneTail()).isNull();
        assertThat(member.groupId()).as("a blank group name means no group").isNull();
        assertThat(member.roles()).containsExactly(UnionRole.MEMBER);
        assertThat(member.tags()).isEmpty();
        assertThat(member.toString()).doesNotContain("赵敏");
    }

    @Test
    void valuesTooLongForTheirColumnsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> members.save(teacher("T001", "名".repeat(101), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("名");
        assertThatThrownBy(() -> members.save(new MemberDraft("张伟", "T001", null, null, null, null, "123456", null,
                null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("123456");
        assertThat(count("member")).isZero();
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingBehind() {
        // 'a' and 'a ' are two tags to Java but one key to a PAD SPACE collation: the tag insert fails
        // after the group, the member and its roles were written.
        MemberDraft clash = new MemberDraft("张伟", "T001", null, null, null, null, null, "新小组", null,
                Set.of("a", "a "));

        assertThatThrownBy(() -> members.save(clash)).isInstanceOf(DataAccessException.class);

        assertThat(AopUtils.isAopProxy(members)).isTrue();
        assertThat(count("member")).isZero();
        assertThat(count("member_role")).isZero();
        assertThat(count("union_group")).isZero();
    }

    private long count(String table) {
        return sql.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static MemberDraft teacher(String staffNo, String name, String group) {
        return new MemberDraft(name, staffNo, Gender.MALE, Birthday.solar(5, 4), MemberStatus.ACTIVE,
                LocalDate.of(2015, 9, 1), "1234", group, Set.of(UnionRole.MEMBER), Set.of("班主任"));
    }
}
