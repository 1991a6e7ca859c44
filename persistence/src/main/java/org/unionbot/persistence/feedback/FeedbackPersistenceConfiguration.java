package org.unionbot.persistence.feedback;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.persistence.feedback.mapper.CareCaseMapper;
import org.unionbot.persistence.feedback.mapper.IdeaMapper;
import org.unionbot.persistence.feedback.mapper.ProposalMapper;
import org.unionbot.persistence.feedback.mapper.SuggestionMapper;

/** The database side of suggestions, proposals and care cases (migrations V40–V49). */
@Configuration(proxyBeanMethods = false)
@MapperScan("org.unionbot.persistence.feedback.mapper")
public class FeedbackPersistenceConfiguration {

    @Bean
    MyBatisSuggestionRepository suggestionRepository(SuggestionMapper mapper) {
        return new MyBatisSuggestionRepository(mapper);
    }

    /** The daily submission limit, counted atomically in the database (shared by every instance). */
    @Bean
    JdbcSubmissionCounter submissionCounter(javax.sql.DataSource dataSource, java.time.Clock clock) {
        return new JdbcSubmissionCounter(new org.springframework.jdbc.core.JdbcTemplate(dataSource), clock);
    }

    @Bean
    MyBatisCareCaseRepository careCaseRepository(CareCaseMapper mapper) {
        return new MyBatisCareCaseRepository(mapper);
    }

    @Bean
    MyBatisProposalRepository proposalRepository(ProposalMapper mapper, PlatformTransactionManager transactions) {
        return new MyBatisProposalRepository(mapper, new TransactionTemplate(transactions));
    }

    @Bean
    MyBatisIdeaRepository ideaRepository(IdeaMapper mapper, PlatformTransactionManager transactions) {
        return new MyBatisIdeaRepository(mapper, new TransactionTemplate(transactions));
    }
}
