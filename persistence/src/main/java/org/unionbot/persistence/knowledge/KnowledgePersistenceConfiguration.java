package org.unionbot.persistence.knowledge;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's tables (V10): entries in service and handed-off questions. */
@Configuration(proxyBeanMethods = false)
@MapperScan("org.unionbot.persistence.knowledge")
public class KnowledgePersistenceConfiguration {

    @Bean
    MyBatisKnowledgeRepository knowledgeRepository(KnowledgeMapper knowledgeMapper) {
        return new MyBatisKnowledgeRepository(knowledgeMapper);
    }

    @Bean
    MyBatisUnansweredQuestions unansweredQuestions(KnowledgeMapper knowledgeMapper) {
        return new MyBatisUnansweredQuestions(knowledgeMapper);
    }
}
