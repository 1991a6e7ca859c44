package org.unionbot.persistence.poll;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unionbot.persistence.PersistenceConfiguration;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/** The persistence wiring plus the poll repository, on the test database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PersistenceConfiguration.class, PollPersistenceConfiguration.class})
class PollTestApplication {
    static final Instant START = Instant.parse("2026-09-01T01:00:00Z");

    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }
}
