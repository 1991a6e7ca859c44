package org.unionbot.app;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.unionbot.core.feedback.SuggestionService;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * Keeps the durable schedule of the public digest in line with the configuration at start-up: scheduled
 * when a recipient is configured, removed when not. An existing schedule is kept, so restarts do not
 * push the next digest further away.
 */
final class FeedbackScheduling implements ApplicationRunner {
    private static final System.Logger LOG = System.getLogger(FeedbackScheduling.class.getName());
    static final TaskKey DIGEST = new TaskKey(SuggestionService.DIGEST_KIND, "public-digest");

    private final TaskScheduler scheduler;
    private final FeedbackProperties properties;
    private final Clock clock;

    FeedbackScheduling(TaskScheduler scheduler, FeedbackProperties properties, Clock clock) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var digest = properties.digest();
        if (!digest.configured()) {
            scheduler.cancel(DIGEST);
            LOG.log(Level.INFO, "no suggestion digest recipient configured; no public digest is sent");
            return;
        }
        if (scheduler.isScheduled(DIGEST)) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime first = now.with(digest.at());
        if (!first.isAfter(now)) {
            first = first.plusDays(1);
        }
        scheduler.scheduleRepeating(DIGEST, first.toInstant(), digest.interval());
        LOG.log(Level.INFO, "suggestion digest scheduled every {0}, first at {1}", digest.interval(), first);
    }
}
