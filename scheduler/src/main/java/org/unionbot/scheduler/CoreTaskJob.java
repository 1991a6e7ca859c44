package org.unionbot.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.unionbot.core.schedule.ScheduledTasks;
import org.unionbot.core.schedule.TaskKey;

/**
 * The one Quartz job: thin by design. It reads the task key from the job's identity and hands the
 * scheduled fire time to the core, which decides what a late run still should do.
 */
@DisallowConcurrentExecution
public class CoreTaskJob implements Job {
    private final ScheduledTasks tasks;

    public CoreTaskJob(ScheduledTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var job = context.getJobDetail().getKey();
        tasks.run(new TaskKey(job.getGroup(), job.getName()), context.getScheduledFireTime().toInstant());
    }
}
