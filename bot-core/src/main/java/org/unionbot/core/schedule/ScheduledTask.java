package org.unionbot.core.schedule;

import java.time.Instant;

/**
 * Core work that runs at a time: closing a poll, firing a reminder, sending a digest. The scheduler
 * (Quartz, clustered, in the scheduler module) only calls {@link #run}; the rules stay in the core.
 *
 * <p>A task can fire late (the service was down) and, in a crash, twice: implementations compare
 * {@code scheduledFor} with the clock to decide whether late work is still useful, and make their
 * effects idempotent (unique keys) rather than trusting that they run once.
 */
public interface ScheduledTask {

    /** The kind this task runs, as used in {@link TaskKey#kind()}. */
    String kind();

    void run(String id, Instant scheduledFor);
}
