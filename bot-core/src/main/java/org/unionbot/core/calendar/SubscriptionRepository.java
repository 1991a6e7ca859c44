package org.unionbot.core.calendar;

import java.util.Map;
import java.util.Set;

/**
 * Members' own choices: 退订 a series (or {@link #ALL}), 订阅 it back, and "提前三天提醒我" (a personal
 * advance reminder in addition to the plan's).
 */
public interface SubscriptionRepository {
    String ALL = "*";

    void setOptedOut(long memberId, String seriesKey, boolean optedOut);

    /**
     * Members who do not want this series: their choice for the series if they made one, else their
     * choice for {@link #ALL} (so "退订" then "订阅 中秋" gets only 中秋).
     */
    Set<Long> optedOut(String seriesKey);

    /** Sets (or with null clears) the member's personal lead time for a series. */
    void setPersonalLead(long memberId, String seriesKey, Integer days);

    /** Every personal lead time: series key → (member → days). */
    Map<String, Map<Long, Integer>> personalLeads();
}
