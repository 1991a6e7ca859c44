package org.unionbot.core.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.unionbot.core.calendar.SubscriptionRepository;

/** Members' reminder choices in memory. */
public final class InMemorySubscriptionRepository implements SubscriptionRepository {
    private final Map<String, Map<Long, Boolean>> optOut = new HashMap<>();
    private final Map<String, Map<Long, Integer>> leads = new HashMap<>();

    @Override
    public synchronized void setOptedOut(long memberId, String seriesKey, boolean optedOut) {
        optOut.computeIfAbsent(seriesKey, k -> new HashMap<>()).put(memberId, optedOut);
    }

    @Override
    public synchronized Set<Long> optedOut(String seriesKey) {
        Set<Long> out = new HashSet<>();
        Map<Long, Boolean> own = optOut.getOrDefault(seriesKey, Map.of());
        optOut.getOrDefault(ALL, Map.of()).forEach((m, v) -> {
            if (v && !own.containsKey(m)) {
                out.add(m);
            }
        });
        own.forEach((m, v) -> {
            if (v) {
                out.add(m);
            }
        });
        return out;
    }

    @Override
    public synchronized void setPersonalLead(long memberId, String seriesKey, Integer days) {
        if (days == null) {
            leads.getOrDefault(seriesKey, new HashMap<>()).remove(memberId);
        } else {
            leads.computeIfAbsent(seriesKey, k -> new HashMap<>()).put(memberId, days);
        }
    }

    @Override
    public synchronized Map<String, Map<Long, Integer>> personalLeads() {
        Map<String, Map<Long, Integer>> copy = new HashMap<>();
        leads.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }
}
