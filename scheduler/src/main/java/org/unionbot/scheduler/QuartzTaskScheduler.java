package org.unionbot.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * Core task schedules as Quartz jobs in the clustered JDBC store: they survive restarts, and of several
 * instances exactly one fires each trigger. A trigger missed while the service was down fires once
 * when it is back ("fire now"); the core task decides if the late run is still useful.
 */
public final class QuartzTaskScheduler implements TaskScheduler {
    private final Scheduler quartz;

    public QuartzTaskScheduler(Scheduler quartz) {
        this.quartz = quartz;
    }

    @Override
    public void scheduleOnce(TaskKey key, Instant at) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.id(), key.kind())
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        schedule(key, trigger);
    }

    @Override
    public void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.id(), key.kind())
                .startAt(Date.from(firstAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        schedule(key, trigger);
    }

    private void schedule(TaskKey key, Trigger trigger) {
        JobDetail job = JobBuilder.newJob(CoreTaskJob.class).withIdentity(key.id(), key.kind())
                .requestRecovery(true).build();
        try {
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule task " + key.kind(), e);
        }
    }

    @Override
    public void cancel(TaskKey key) {
        try {
            quartz.deleteJob(new JobKey(key.id(), key.kind()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not cancel task " + key.kind(), e);
        }
    }

    @Override
    public boolean isScheduled(TaskKey key) {
        try {
            return quartz.checkExists(new JobKey(key.id(), key.kind()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the schedule", e);
        }
    }
}
