package org.unionbot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.calendar.SeriesRepository;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.StoredSeries;

/** Series in memory, with the database's rule: a changed definition is pending again. */
public final class InMemorySeriesRepository implements SeriesRepository {
    private final Map<String, StoredSeries> byKey = new ConcurrentHashMap<>();

    @Override
    public synchronized StoredSeries save(String key, String title, String definition, Instant now) {
        StoredSeries old = byKey.get(key);
        StoredSeries s = old != null && old.definition().equals(definition) ? old
                : new StoredSeries(key, title, definition, SeriesStatus.PENDING, null, null);
        byKey.put(key, s);
        return s;
    }

    @Override
    public Optional<StoredSeries> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<StoredSeries> all() {
        List<StoredSeries> all = new ArrayList<>(byKey.values());
        all.sort(java.util.Comparator.comparing(StoredSeries::key));
        return all;
    }

    @Override
    public synchronized boolean pause(String key, Instant now) {
        StoredSeries s = byKey.get(key);
        if (s == null || s.status() != SeriesStatus.APPROVED) {
            return false;
        }
        byKey.put(key, new StoredSeries(s.key(), s.title(), s.definition(), SeriesStatus.PAUSED, s.approvedBy(),
                s.approvedAt()));
        return true;
    }

    @Override
    public synchronized boolean approve(String key, long approverMemberId, Instant now) {
        StoredSeries s = byKey.get(key);
        if (s == null) {
            return false;
        }
        byKey.put(key, new StoredSeries(key, s.title(), s.definition(), SeriesStatus.APPROVED, approverMemberId, now));
        return true;
    }
}
