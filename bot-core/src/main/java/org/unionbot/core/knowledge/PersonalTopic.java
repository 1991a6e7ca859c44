package org.unionbot.core.knowledge;

/**
 * Questions about the asking member's own record. Such entries are found by retrieval like any other,
 * but answered from the roster, and only in a private chat.
 */
public enum PersonalTopic {
    /** 我是不是教代会代表 */
    DELEGATE,
    /** 我在哪个工会小组 */
    GROUP,
    /** 我的组长是谁 */
    LEADER;

    static PersonalTopic parse(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "delegate" -> DELEGATE;
            case "group" -> GROUP;
            case "leader" -> LEADER;
            default -> null;
        };
    }
}
