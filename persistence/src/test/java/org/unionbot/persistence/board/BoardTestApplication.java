package org.unionbot.persistence.board;

import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unionbot.persistence.PersistenceConfiguration;
import org.unionbot.persistence.testing.TestDatabase;

@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PersistenceConfiguration.class, WebGroupBoardPersistenceConfiguration.class})
class BoardTestApplication {

    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return TestDatabase.dataSource();
    }

    @Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
