package org.unionbot.core.calendar;

import java.time.LocalTime;
import org.unionbot.core.notify.Audience;
import java.util.List;
import java.util.Objects;

/**
 * One line of the union's plan, which becomes a reminder series: advance notices {@code leadDays} before
 * the day, a day-of reminder, and an optional follow-up {@code followUpDays} after.
 *
 * @param key stable identifier of the series (letters, digits, '-'), used in task and delivery keys
 * @param ruleText the date rule as the plan wrote it; {@link #rule()} is its parsed form
 * @param channel the platform to prefer ("web", "wecom"…), or null for every bound platform
 * @param urgent sends even during quiet hours (22:00–07:00)
 */
public record PlanItem(String key, String title, String ruleText, DateRule rule, LocalTime time,
                       List<Audience> audience, String owner, List<Integer> leadDays, boolean dayOf,
                       Integer followUpDays, String channel, boolean urgent, String place, String note) {
    public PlanItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(time, "time");
        if (!key.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("a plan key is letters, digits, - and _ (at most 64): " + key);
        }
        audience = List.copyOf(audience);
        leadDays = leadDays == null ? List.of() : List.copyOf(leadDays);
        for (int d : leadDays) {
            if (d < 1 || d > 60) {
                throw new IllegalArgumentException("a lead time is 1 to 60 days: " + d);
            }
        }
        if (followUpDays != null && (followUpDays < 1 || followUpDays > 60)) {
            throw new IllegalArgumentException("a follow-up is 1 to 60 days after: " + followUpDays);
        }
    }
}
