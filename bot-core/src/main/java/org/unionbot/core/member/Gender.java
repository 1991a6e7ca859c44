package org.unionbot.core.member;

public enum Gender {
    FEMALE,
    MALE,
    UNKNOWN
}
