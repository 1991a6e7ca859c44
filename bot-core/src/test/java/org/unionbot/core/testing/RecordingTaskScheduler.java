package org.unionbot.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/** Keeps schedules in a map, so a test can see what would fire and when, and fire it by hand. */
public final class RecordingTaskScheduler implements TaskScheduler {
    private final Map<String, Instant> once = new TreeMap<>();

    private static String id(TaskKey key) {
        return key.kind() + "/" + key.id();
    }

    @Override
    public synchronized void scheduleOnce(TaskKey key, Instant at) {
        once.put(id(key), at);
    }

    @Override
    public synchronized void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
        once.put(id(key), firstAt);
    }

    @Override
    public synchronized void cancel(TaskKey key) {
        once.remove(id(key));
    }

    @Override
    public synchronized boolean isScheduled(TaskKey key) {
        return once.containsKey(id(key));
    }

    /** "kind/id" → when. */
    public synchronized Map<String, Instant> scheduled() {
        return Map.copyOf(once);
    }
}
