package org.unionbot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.schedule.ScheduledTask;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.persistence.testing.TestDatabase;

/** Real Quartz on the clustered JDBC store of a real database: tasks fire, and survive a restart. */
class QuartzTaskSchedulerIT {
    static final List<String> RUNS = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SchedulerConfiguration.class)
    static class App {
        /** Shared by every test of this JVM: the context must not close it. */
        @Bean(destroyMethod = "")
        DataSource dataSource() {
            return TestDatabase.dataSource();
        }

        @Bean
        ScheduledTask recorder() {
            return new ScheduledTask() {
                public String kind() {
                    return "test-recorder";
                }

                public void run(String id, Instant scheduledFor) {
                    RUNS.add(id);
                }
            };
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(
                "--spring.quartz.job-store-type=jdbc", "--spring.quartz.jdbc.initialize-schema=never",
                "--spring.quartz.properties.org.quartz.jobStore.isClustered=true",
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=AUTO",
                "--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.StdJDBCDelegate",
                "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
                "--spring.flyway.enabled=false");
    }

    @Test
    void aTaskScheduledBeforeARestartFiresAfterIt() throws Exception {
        String id = "restart-" + System.nanoTime();
        try (var app = start()) {
            TaskScheduler scheduler = app.getBean(TaskScheduler.class);
            scheduler.scheduleOnce(new TaskKey("test-recorder", id), Instant.now().plusSeconds(4));
            assertThat(scheduler.isScheduled(new TaskKey("test-recorder", id))).isTrue();
        }
        assertThat(RUNS).doesNotContain(id);
        Thread.sleep(4500); // the trigger's time passes while nothing runs: a misfire
        try (var app = start()) {
            awaitRun(id, Duration.ofSeconds(20));
        }
        assertThat(RUNS.stream().filter(id::equals).count()).isEqualTo(1);
    }

    @Test
    void cancelledTasksDoNotFire() throws Exception {
        String kept = "kept-" + System.nanoTime();
        String cancelled = "cancelled-" + System.nanoTime();
        try (var app = start()) {
            TaskScheduler scheduler = app.getBean(TaskScheduler.class);
            scheduler.scheduleOnce(new TaskKey("test-recorder", cancelled), Instant.now().plusSeconds(1));
            scheduler.scheduleOnce(new TaskKey("test-recorder", kept), Instant.now().plusSeconds(2));
            scheduler.cancel(new TaskKey("test-recorder", cancelled));
            assertThat(scheduler.isScheduled(new TaskKey("test-recorder", cancelled))).isFalse();
            awaitRun(kept, Duration.ofSeconds(20));
        }
        assertThat(RUNS).doesNotContain(cancelled);
    }

    private static void awaitRun(String id, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!RUNS.contains(id) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RUNS).contains(id);
    }
}
