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
import org.unionbot.persistence.poll.JdbcPollCardRegistry;

/**
 * Hourly clean-up through the clustered scheduler: dedup keys older than a week (platform retries come
 * within minutes; a week leaves room for a long outage), expired conversation state, and the platform
 * cards of polls closed more than 30 days ago (by then every card shows the closed state and nothing
 * updates it again; the month leaves room to look into a card that did not).
 */
final class Housekeeping implements ScheduledTask, ApplicationRunner {
    static final TaskKey KEY = new TaskKey("housekeeping", "hourly");
    static final Duration KEEP_DEDUP_KEYS = Duration.ofDays(7);
    static final Duration KEEP_CLOSED_POLL_CARDS = Duration.ofDays(30);

    private final MyBatisProcessedMessageLog processed;
    private final JdbcConversationStateStore state;
    private final JdbcPollCardRegistry pollCards;
    private final TaskScheduler scheduler;
    private final Clock clock;

    Housekeeping(MyBatisProcessedMessageLog processed, JdbcConversationStateStore state,
                 JdbcPollCardRegistry pollCards, TaskScheduler scheduler, Clock clock) {
        this.processed = processed;
        this.state = state;
        this.pollCards = pollCards;
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
        pollCards.purgeClosedBefore(now.minus(KEEP_CLOSED_POLL_CARDS));
    }

    /** Schedules itself at start-up; rescheduling the same key keeps one schedule however many instances start. */
    @Override
    public void run(ApplicationArguments args) {
        if (!scheduler.isScheduled(KEY)) {
            scheduler.scheduleRepeating(KEY, clock.instant().plus(Duration.ofMinutes(5)), Duration.ofHours(1));
        }
    }
}
