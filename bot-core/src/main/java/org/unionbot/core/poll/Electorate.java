package org.unionbot.core.poll;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;

/**
 * Who may vote, as the creator described it. It is resolved to member ids once, when the poll opens;
 * members who join or change tags later do not change an open poll's electorate.
 *
 * @param value the tag, the union group's name, or the staff numbers (comma separated); empty for ALL
 *     and DELEGATES
 */
public record Electorate(Type type, String value) {

    public enum Type { ALL, TAG, GROUP, DELEGATES, LIST }

    public Electorate {
        Objects.requireNonNull(type, "type");
        value = value == null ? "" : value.strip();
        if ((type == Type.TAG || type == Type.GROUP || type == Type.LIST) && value.isEmpty()) {
            throw new IllegalArgumentException("electorate " + type + " needs a value");
        }
    }

    public static Electorate all() {
        return new Electorate(Type.ALL, "");
    }

    /** Active members only: retired members and those who left do not vote. */
    public Set<Long> resolve(MemberRepository members) {
        Set<Long> ids = new LinkedHashSet<>();
        switch (type) {
            case ALL -> members.findAll().stream().filter(Electorate::active).forEach(m -> ids.add(m.id()));
            case TAG -> members.findAll().stream().filter(Electorate::active)
                    .filter(m -> m.tags().contains(value)).forEach(m -> ids.add(m.id()));
            case GROUP -> members.groups().stream().filter(g -> g.name().equals(value)).findFirst()
                    .ifPresent(g -> members.membersOfGroup(g.id()).stream().filter(Electorate::active)
                            .forEach(m -> ids.add(m.id())));
            case DELEGATES -> members.findByRole(UnionRole.DELEGATE).stream().filter(Electorate::active)
                    .forEach(m -> ids.add(m.id()));
            case LIST -> {
                for (String staffNo : staffNumbers()) {
                    members.findByStaffNo(staffNo).filter(Electorate::active).ifPresent(m -> ids.add(m.id()));
                }
            }
        }
        return ids;
    }

    List<String> staffNumbers() {
        return List.of(value.split("[,，、\\s]+")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private static boolean active(Member m) {
        return m.status() == MemberStatus.ACTIVE;
    }
}
