package org.unionbot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.AdminConsoleConfiguration;
import org.unionbot.adapter.web.WebChatConfiguration;
import org.unionbot.core.knowledge.AnalyzerWarmUp;
import org.unionbot.persistence.PersistenceConfiguration;
import org.unionbot.scheduler.SchedulerConfiguration;

/**
 * The composition root: the only place that knows every module. Modules contribute their own
 * configuration classes, imported here explicitly so the wiring can be read in one place.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PersistenceConfiguration.class, SchedulerConfiguration.class, WebChatConfiguration.class,
        AdminConsoleConfiguration.class})
public class UnionBotApplication {

    public static void main(String[] args) {
        AnalyzerWarmUp.start(); // overlaps the matcher's ~2 s of dictionary loading with the database start
        SpringApplication.run(UnionBotApplication.class, args);
    }
}
