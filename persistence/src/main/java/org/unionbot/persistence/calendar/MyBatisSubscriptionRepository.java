package org.unionbot.persistence.calendar;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.unionbot.core.calendar.SubscriptionRepository;

/** Members' reminder choices in {@code reminder_subscription}. */
public final class MyBatisSubscriptionRepository implements SubscriptionRepository {
    private final CalendarMapper mapper;
    private final Clock clock;

    public MyBatisSubscriptionRepository(CalendarMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void setOptedOut(long memberId, String seriesKey, boolean optedOut) {
        mapper.upsertOptOut(memberId, seriesKey, optedOut, Utc.toDb(clock.instant()));
    }

    @Override
    public Set<Long> optedOut(String seriesKey) {
        return new HashSet<>(mapper.optedOut(seriesKey));
    }

    @Override
    public void setPersonalLead(long memberId, String seriesKey, Integer days) {
        mapper.upsertLead(memberId, seriesKey, days, Utc.toDb(clock.instant()));
    }

    @Override
    public Map<String, Map<Long, Integer>> personalLeads() {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (Map<String, Object> row : mapper.leads()) {
            out.computeIfAbsent((String) row.get("series_key"), k -> new HashMap<>())
                    .put(((Number) row.get("member_id")).longValue(), ((Number) row.get("lead_days")).intValue());
        }
        return out;
    }
}
