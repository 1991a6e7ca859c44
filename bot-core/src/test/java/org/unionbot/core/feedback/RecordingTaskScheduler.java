package org.unionbot.core.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/** Keeps schedules in memory so tests can see them and fire them by hand. */
final class RecordingTaskScheduler implements TaskScheduler {
    record Schedule(Instant firstAt, Duration interval) {}

    final Map<TaskKey, Schedule> schedules = new ConcurrentHashMap<>();

    @Override
    public void scheduleOnce(TaskKey key, Instant at) {
        schedules.put(key, new Schedule(at, null));
    }

    @Override
    public void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
        schedules.put(key, new Schedule(firstAt, interval));
    }

    @Override
    public void cancel(TaskKey key) {
        schedules.remove(key);
    }

    @Override
    public boolean isScheduled(TaskKey key) {
        return schedules.containsKey(key);
    }
}
