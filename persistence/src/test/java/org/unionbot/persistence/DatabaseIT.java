package org.unionbot.persistence;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * Base of the repository tests: one Spring context for all of them, empty tables and the clock at
 * {@link PersistenceTestApplication#START} before each test, and a {@link JdbcTemplate} to check with
 * plain SQL what the repositories wrote.
 */
@SpringBootTest(classes = PersistenceTestApplication.class, properties = "logging.level.org.unionbot=INFO")
abstract class DatabaseIT {

    @Autowired
    protected MutableClock clock;

    protected final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.truncateAll();
        clock.set(PersistenceTestApplication.START);
    }
}
