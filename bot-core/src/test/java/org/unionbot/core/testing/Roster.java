package org.unionbot.core.testing;

import java.util.Set;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;

/** A small school for conversation tests. */
public final class Roster {
    private Roster() {
    }

    public static MemberDraft member(String name, String staffNo, String group, UnionRole... roles) {
        return new MemberDraft(name, staffNo, Gender.FEMALE, Birthday.lunar(8, 3), MemberStatus.ACTIVE, null,
                "1234", group, Set.of(roles.length == 0 ? new UnionRole[] {UnionRole.MEMBER} : roles), Set.of("女职工"));
    }

    /**
     * A member with only the given tags (none: not 女职工), so that an electorate filter can be told from
     * "everyone" — every {@link #member} is tagged 女职工.
     */
    public static MemberDraft tagged(String name, String staffNo, String group, Set<String> tags, UnionRole... roles) {
        return new MemberDraft(name, staffNo, Gender.MALE, Birthday.lunar(8, 3), MemberStatus.ACTIVE, null,
                "1234", group, Set.of(roles.length == 0 ? new UnionRole[] {UnionRole.MEMBER} : roles), tags);
    }

    /**
     * {@link #smallSchool} and 钱老师 (数学组, t003), all tagged 女职工, with members outside every narrower
     * electorate: 孙伟 (体育组, no tag, no role, t005), 周强 (体育组, tag 青年教师, 教代会代表, t006) and 吴霞
     * (语文组, 女职工, retired, t007: no poll counts her).
     */
    public static ConversationHarness mixedSchool(ConversationHarness harness) {
        smallSchool(harness);
        harness.addMember(member("钱老师", "T003", "数学组"), "t003");
        harness.addMember(tagged("孙伟", "T005", "体育组", Set.of()), "t005");
        harness.addMember(tagged("周强", "T006", "体育组", Set.of("青年教师"), UnionRole.MEMBER, UnionRole.DELEGATE), "t006");
        MemberDraft retired = member("吴霞", "T007", "语文组", UnionRole.DELEGATE);
        harness.addMember(new MemberDraft(retired.name(), retired.staffNo(), retired.gender(), retired.birthday(),
                MemberStatus.RETIRED, null, retired.phoneTail(), retired.groupName(), retired.roles(), retired.tags()),
                "t007");
        return harness;
    }

    /** 张主席 (chair, web id chair), 李委员 (committee, c001), 王芳 (member, t001), 赵组长 (leader, t002). */
    public static ConversationHarness smallSchool(ConversationHarness harness) {
        harness.addMember(member("张建华", "C000", "行政组", UnionRole.CHAIR, UnionRole.MEMBER), "chair");
        harness.addMember(member("李明", "C001", "数学组", UnionRole.COMMITTEE, UnionRole.DELEGATE), "c001");
        harness.addMember(member("王芳", "T001", "语文组", UnionRole.MEMBER), "t001");
        long leader = harness.addMember(member("赵丽", "T002", "语文组", UnionRole.GROUP_LEADER), "t002");
        harness.members.groups().stream().filter(g -> g.name().equals("语文组")).findFirst()
                .ifPresent(g -> harness.members.setGroupLeader(g.id(), leader));
        return harness;
    }
}
