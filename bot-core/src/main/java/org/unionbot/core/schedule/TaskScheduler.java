package org.unionbot.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Schedules core tasks durably: a task scheduled here survives restarts and, with several instances,
 * fires on one of them.
 */
public interface TaskScheduler {

    /** Runs the task once at {@code at} (at once if {@code at} has passed); replaces an earlier schedule of the key. */
    void scheduleOnce(TaskKey key, Instant at);

    /** Runs the task every {@code interval}, first at {@code firstAt}; replaces an earlier schedule of the key. */
    void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval);

    /** Removes the schedule; nothing happens if there is none. */
    void cancel(TaskKey key);

    boolean isScheduled(TaskKey key);
}
