package org.unionbot.core.member;

/** A member's standing; retirees stay members and get their own reminders, transferred ones do not. */
public enum MemberStatus {
    ACTIVE,
    RETIRED,
    TRANSFERRED
}
