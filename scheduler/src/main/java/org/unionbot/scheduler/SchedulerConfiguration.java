package org.unionbot.scheduler;

import java.util.List;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.ScheduledTasks;
import org.unionbot.core.schedule.TaskScheduler;

/**
 * The core's scheduling port on Quartz. The Quartz scheduler itself comes from Spring Boot's
 * auto-configuration with the JDBC job store (see application.yml: clustered, schema by Flyway).
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean
    public ScheduledTasks scheduledTasks(List<ScheduledTask> tasks) {
        return new ScheduledTasks(tasks);
    }

    @Bean
    public TaskScheduler taskScheduler(Scheduler quartz) {
        return new QuartzTaskScheduler(quartz);
    }
}
