package org.unionbot.persistence.calendar;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unionbot.persistence.PersistenceConfiguration;
import org.unionbot.persistence.inbox.WebInboxPersistenceConfiguration;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/** The persistence module's repositories and the calendar's, on the test database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PersistenceConfiguration.class, CalendarPersistenceConfiguration.class,
        WebInboxPersistenceConfiguration.class})
class CalendarTestApplication {
    static final Instant START = Instant.parse("2026-09-10T01:00:00Z");

    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }
}
