package org.unionbot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.persistence.JdbcConversationStateStore;
import org.unionbot.persistence.MyBatisProcessedMessageLog;

/**
 * Hourly clean-up through the clustered scheduler: dedup keys older than a week (platform retries come
 * within minutes; a week leaves room for a long outage) and expired conversation state.
 */
final class Housekeeping implements ScheduledTask, ApplicationRunner {
    static final TaskKey KEY = new TaskKey("housekeeping", "hourly");
    static final Duration KEEP_DEDUP_KEYS = Duration.ofDays(7);

    private final MyBatisProcessedMessageLog processed;
    private final JdbcConversationStateStore state;
    private final TaskScheduler scheduler;
    private final Clock clock;

    Housekeeping(MyBatisProcessedMessageLog processed, JdbcConversationStateStore state, TaskScheduler scheduler,
                 Clock clock) {
        this.processed = processed;
        this.state = state;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KEY.kind();
    }

    @Override
    public void run(String id, Instant scheduledFor) {
        Instant now = clock.instant();
        processed.purgeOlderThan(now.minus(KEEP_DEDUP_KEYS));
        state.purgeExpired(now);
    }

    /** Schedules itself at start-up; rescheduling the same key keeps one schedule however many instances start. */
    @Override
    public void run(ApplicationArguments args) {
        if (!scheduler.isScheduled(KEY)) {
            scheduler.scheduleRepeating(KEY, clock.instant().plus(Duration.ofMinutes(5)), Duration.ofHours(1));
        }
    }
}
