package org.unionbot.persistence.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.calendar.SeriesRepository;
import org.unionbot.core.calendar.SeriesStatus;
import org.unionbot.core.calendar.StoredSeries;

/** Reminder series in {@code reminder_series}. */
public final class MyBatisSeriesRepository implements SeriesRepository {
    private final CalendarMapper mapper;

    public MyBatisSeriesRepository(CalendarMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public StoredSeries save(String key, String title, String definition, Instant now) {
        Optional<StoredSeries> old = find(key);
        if (old.isPresent() && old.get().definition().equals(definition)) {
            return old.get(); // unchanged: keeps its approval
        }
        mapper.upsertSeries(key, title, definition, Utc.toDb(now));
        return find(key).orElseThrow();
    }

    @Override
    public Optional<StoredSeries> find(String key) {
        return Optional.ofNullable(mapper.findSeries(key)).map(MyBatisSeriesRepository::series);
    }

    @Override
    public List<StoredSeries> all() {
        return mapper.allSeries().stream().map(MyBatisSeriesRepository::series).toList();
    }

    @Override
    public boolean approve(String key, long approverMemberId, Instant now) {
        return mapper.approveSeries(key, approverMemberId, Utc.toDb(now)) == 1;
    }

    @Override
    public boolean pause(String key, Instant now) {
        return mapper.pauseSeries(key, Utc.toDb(now)) == 1;
    }

    private static StoredSeries series(Map<String, Object> row) {
        Object approver = row.get("approved_by");
        return new StoredSeries((String) row.get("series_key"), (String) row.get("title"), (String) row.get("definition"),
                SeriesStatus.valueOf((String) row.get("status")),
                approver == null ? null : ((Number) approver).longValue(), Utc.fromDb(row.get("approved_at")));
    }
}
