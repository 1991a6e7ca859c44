package org.unionbot.persistence;

import java.time.Clock;
import javax.sql.DataSource;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.unionbot.persistence.console.JdbcAuditLog;
import org.unionbot.persistence.console.JdbcConsoleAccountRepository;
import org.unionbot.persistence.mapper.BindingCodeMapper;
import org.unionbot.persistence.mapper.GroupMapper;
import org.unionbot.persistence.mapper.IdentityMapper;
import org.unionbot.persistence.mapper.MemberMapper;
import org.unionbot.persistence.mapper.ProcessedMessageMapper;

/**
 * The database-backed implementations of bot-core's ports.
 *
 * <p>Needs from the application: a {@link DataSource}, a {@link Clock}, and Spring Boot's
 * auto-configuration for the rest (MyBatis' {@code SqlSessionFactory}, the transaction manager, and
 * Flyway, which applies {@code classpath:db/migration}). The mapper XML files sit next to the mapper
 * interfaces and map every column explicitly, so no {@code mybatis.*} property is needed; do not set
 * {@code mybatis.executor-type=BATCH}, which hides the row counts the repositories decide on.
 *
 * <p>Class-based proxies are asked for explicitly so the beans stay injectable by their classes (for
 * the purge methods) even outside Spring Boot, which otherwise makes that choice.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true)
@MapperScan("org.unionbot.persistence.mapper")
public class PersistenceConfiguration {

    @Bean
    MyBatisMemberRepository memberRepository(
            MemberMapper memberMapper, GroupMapper groupMapper, IdentityMapper identityMapper, Clock clock) {
        return new MyBatisMemberRepository(memberMapper, groupMapper, identityMapper, clock);
    }

    @Bean
    MyBatisBindingCodeRepository bindingCodeRepository(BindingCodeMapper bindingCodeMapper) {
        return new MyBatisBindingCodeRepository(bindingCodeMapper);
    }

    @Bean
    MyBatisProcessedMessageLog processedMessageLog(ProcessedMessageMapper processedMessageMapper) {
        return new MyBatisProcessedMessageLog(processedMessageMapper);
    }

    @Bean
    JdbcConsoleAccountRepository consoleAccountRepository(DataSource dataSource, Clock clock) {
        return new JdbcConsoleAccountRepository(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    JdbcAuditLog consoleAuditLog(DataSource dataSource) {
        return new JdbcAuditLog(new JdbcTemplate(dataSource));
    }

    @Bean
    JdbcConversationStateStore conversationStateStore(DataSource dataSource, Clock clock) {
        return new JdbcConversationStateStore(new JdbcTemplate(dataSource), clock);
    }
}
