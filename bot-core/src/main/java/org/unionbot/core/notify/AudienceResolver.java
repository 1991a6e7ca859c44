package org.unionbot.core.notify;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionbot.core.calendar.LunarCalendar;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.CalendarKind;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;

/**
 * Turns an audience into members. Retirees stay members of the union (重阳 visits are for them); staff
 * who transferred away are left out. One member named by two selectors is one recipient.
 */
public final class AudienceResolver {
    private final MemberRepository members;

    public AudienceResolver(MemberRepository members) {
        this.members = members;
    }

    public List<Member> resolve(List<Audience> audience, LocalDate day) {
        Map<Long, Member> out = new LinkedHashMap<>();
        List<Member> all = null;
        for (Audience a : audience) {
            List<Member> found;
            if (a instanceof Audience.Members named) {
                found = named.ids().stream().map(members::findById).flatMap(java.util.Optional::stream).toList();
            } else if (a instanceof Audience.Role r) {
                found = members.findByRole(r.role());
            } else if (a instanceof Audience.Group g) {
                found = members.groups().stream().filter(x -> x.name().equals(g.name()))
                        .flatMap(x -> members.membersOfGroup(x.id()).stream()).toList();
            } else {
                if (all == null) {
                    all = members.findAll();
                }
                if (a instanceof Audience.Tag t) {
                    found = all.stream().filter(m -> m.tags().contains(t.tag())).toList();
                } else if (a instanceof Audience.Birthdays) {
                    found = all.stream().filter(m -> bornOn(m.birthday(), day)).toList();
                } else {
                    found = all;
                }
            }
            for (Member m : found) {
                if (m.status() != MemberStatus.TRANSFERRED) {
                    out.putIfAbsent(m.id(), m);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Whether {@code day} is the birthday, in the calendar the member chose. A solar 2月29日 is kept on
     * 2月28日 in other years; a lunar 三十 in a 29-day month on its last day.
     */
    public static boolean bornOn(Birthday birthday, LocalDate day) {
        if (birthday == null) {
            return false;
        }
        if (birthday.calendar() == CalendarKind.SOLAR) {
            if (birthday.month() == 2 && birthday.day() == 29 && !day.isLeapYear()) {
                return day.getMonthValue() == 2 && day.getDayOfMonth() == 28;
            }
            return day.getMonthValue() == birthday.month() && day.getDayOfMonth() == birthday.day();
        }
        int lunarYear = LunarCalendar.ofSolar(day).year();
        return LunarCalendar.toSolar(lunarYear, birthday.month(), birthday.day(), birthday.leapMonth()).equals(day);
    }
}
