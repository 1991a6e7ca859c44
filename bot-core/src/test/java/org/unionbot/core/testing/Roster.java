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
