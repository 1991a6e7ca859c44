package org.unionbot.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/** Keeps schedules in a map; tests fire them by hand. (Real Quartz is tested in the config module.) */
final class RecordingScheduler implements TaskScheduler {
    final Map<TaskKey, Instant> once = new ConcurrentHashMap<>();

    @Override
    public void scheduleOnce(TaskKey key, Instant at) {
        once.put(key, at);
    }

    @Override
    public void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
        throw new UnsupportedOperationException("polls schedule only once");
    }

    @Override
    public void cancel(TaskKey key) {
        once.remove(key);
    }

    @Override
    public boolean isScheduled(TaskKey key) {
        return once.containsKey(key);
    }
}
