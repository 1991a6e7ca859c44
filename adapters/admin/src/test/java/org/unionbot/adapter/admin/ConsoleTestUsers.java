package org.unionbot.adapter.admin;

import org.unionbot.core.member.MemberRepository;

/**
 * The signed-in console users of the page tests, over {@link ConsoleTestContext}'s roster: 张敏 (T003) is the
 * chair, 李强 (T002) a committee member.
 */
public final class ConsoleTestUsers {
    private ConsoleTestUsers() {
    }

    public static ConsoleUser chair(MemberRepository members) {
        return new ConsoleUser(1, "zhang", "x", true, members.findByStaffNo("T003").orElseThrow().id(), "张敏",
                ConsoleRole.CHAIR, false);
    }

    public static ConsoleUser committee(MemberRepository members) {
        return new ConsoleUser(2, "li", "x", true, members.findByStaffNo("T002").orElseThrow().id(), "李强",
                ConsoleRole.COMMITTEE, false);
    }
}
