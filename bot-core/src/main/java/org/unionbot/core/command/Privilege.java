package org.unionbot.core.command;

import org.unionbot.core.member.Member;
import org.unionbot.core.member.UnionRole;

/**
 * Who may run a command. Committee members (主席, 副主席, 委员) may do what group leaders and delegates
 * may; only {@link #PUBLIC} commands are open to a sender who has not bound an account yet.
 */
public enum Privilege {
    PUBLIC,
    MEMBER,
    DELEGATE,
    GROUP_LEADER,
    COMMITTEE,
    CHAIR;

    public boolean allows(Member member) {
        if (this == PUBLIC) {
            return true;
        }
        if (member == null) {
            return false;
        }
        return switch (this) {
            case PUBLIC, MEMBER -> true;
            case DELEGATE -> member.has(UnionRole.DELEGATE) || member.isCommittee();
            case GROUP_LEADER -> member.has(UnionRole.GROUP_LEADER) || member.isCommittee();
            case COMMITTEE -> member.isCommittee();
            case CHAIR -> member.has(UnionRole.CHAIR);
        };
    }
}
