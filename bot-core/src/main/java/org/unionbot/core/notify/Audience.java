package org.unionbot.core.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unionbot.core.member.UnionRole;

/**
 * Who a reminder is for, as the plan says it: everyone, a role (委员), a tag (退休教师, 女职工), a union
 * group (语文组), or the members whose birthday it is. A plan cell may name several, joined by 、 or ,.
 */
public sealed interface Audience {

    /** The audience as written in a plan. */
    String label();

    record Everyone() implements Audience {
        @Override
        public String label() {
            return "全体会员";
        }
    }

    record Role(UnionRole role) implements Audience {
        public Role {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String label() {
            return role.label();
        }
    }

    record Tag(String tag) implements Audience {
        public Tag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String label() {
            return tag;
        }
    }

    record Group(String name) implements Audience {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return "小组:" + name;
        }
    }

    /** The members whose (solar or lunar, as they chose) birthday is the day of the occurrence. */
    record Birthdays() implements Audience {
        @Override
        public String label() {
            return "生日会员";
        }
    }

    /** Named members: a member's own personal reminder. Not written in plans. */
    record Members(java.util.Set<Long> ids) implements Audience {
        public Members {
            ids = java.util.Set.copyOf(ids);
        }

        @Override
        public String label() {
            return "指定会员";
        }
    }

    /**
     * Reads a plan cell: "全体会员", "委员、组长", "标签:退休教师", "小组:语文组", "语文组", "生日会员".
     * A word that is no role and no group form is a tag, since unions tag members freely.
     */
    public static List<Audience> parse(String text) {
        List<Audience> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the audience is empty");
        }
        for (String raw : text.split("[、,，;；/]")) {
            String t = raw.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("标签:") || t.startsWith("标签：")) {
                out.add(new Tag(t.substring(3).strip()));
            } else if (t.startsWith("小组:") || t.startsWith("小组：")) {
                out.add(new Group(t.substring(3).strip()));
            } else if (List.of("全体", "全体会员", "全体教职工", "全体职工", "所有人", "全员").contains(t)) {
                out.add(new Everyone());
            } else if (List.of("生日", "生日会员", "过生日的会员").contains(t)) {
                out.add(new Birthdays());
            } else if (UnionRole.parse(t).isPresent()) {
                out.add(new Role(UnionRole.parse(t).get()));
            } else if (t.endsWith("组") && t.length() > 1) {
                out.add(new Group(t));
            } else {
                out.add(new Tag(t));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the audience is empty");
        }
        return List.copyOf(out);
    }

    public static String labels(List<Audience> audience) {
        return String.join("、", audience.stream().map(Audience::label).toList());
    }
}
