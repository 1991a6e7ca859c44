package org.unionbot.persistence.poll;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The poll repository; imported by the application's poll configuration. */
@Configuration(proxyBeanMethods = false)
public class PollPersistenceConfiguration {

    @Bean
    JdbcPollRepository pollRepository(DataSource dataSource, PlatformTransactionManager transactions) {
        return new JdbcPollRepository(new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
    }

    @Bean
    JdbcPollChannelRepository pollChannelRepository(DataSource dataSource, PlatformTransactionManager transactions) {
        return new JdbcPollChannelRepository(new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
    }

    @Bean
    JdbcPollCardRegistry pollCardRegistry(DataSource dataSource) {
        return new JdbcPollCardRegistry(new JdbcTemplate(dataSource));
    }
}
