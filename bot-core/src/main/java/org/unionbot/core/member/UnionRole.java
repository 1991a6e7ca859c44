package org.unionbot.core.member;

/**
 * Roles in a school union. A member can hold several (a 委员 who is also a 教代会代表).
 * {@link #label()} is the Chinese name used in rosters and replies.
 */
public enum UnionRole {
    CHAIR("主席"),
    VICE_CHAIR("副主席"),
    COMMITTEE("委员"),
    GROUP_LEADER("组长"),
    DELEGATE("教代会代表"),
    MEMBER("会员");

    private final String label;

    UnionRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads a roster cell: the Chinese label, a common variant, or the enum name. */
    public static java.util.Optional<UnionRole> parse(String text) {
        String t = text.strip();
        for (UnionRole role : values()) {
            if (role.label.equals(t) || role.name().equalsIgnoreCase(t)) {
                return java.util.Optional.of(role);
            }
        }
        return switch (t) {
            case "工会主席" -> java.util.Optional.of(CHAIR);
            case "工会副主席" -> java.util.Optional.of(VICE_CHAIR);
            case "工会委员", "委员会委员" -> java.util.Optional.of(COMMITTEE);
            case "小组长", "工会小组长" -> java.util.Optional.of(GROUP_LEADER);
            case "代表", "教职工代表", "职代会代表" -> java.util.Optional.of(DELEGATE);
            case "工会会员" -> java.util.Optional.of(MEMBER);
            default -> java.util.Optional.empty();
        };
    }
}
