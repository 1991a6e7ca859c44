package org.unionbot.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The smallest Spring Boot application around {@link PersistenceConfiguration}, wired as the real
 * application wires it (auto-configured MyBatis, transactions and Flyway) but on the test database.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PersistenceConfiguration.class, org.unionbot.persistence.knowledge.KnowledgePersistenceConfiguration.class,
        org.unionbot.persistence.feedback.FeedbackPersistenceConfiguration.class})
class PersistenceTestApplication {

    static final Instant START = Instant.parse("2026-03-08T01:00:00Z");

    @Bean(destroyMethod = "") // the pool belongs to TestDatabase, shared by every context of this JVM
    DataSource dataSource(StatementCounter counter) {
        return counter.wrap(TestDatabase.dataSource());
    }

    @Bean
    StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }

    /** Counts the statements prepared through the data source: how a test sees a round trip per query. */
    static final class StatementCounter {
        private final AtomicInteger prepared = new AtomicInteger();

        int count() {
            return prepared.get();
        }

        DataSource wrap(DataSource target) {
            return proxy(DataSource.class, target, (proxy, method, args) -> {
                Object result = invoke(method, target, args);
                return result instanceof Connection c ? proxy(Connection.class, c, countingStatements(c)) : result;
            });
        }

        private InvocationHandler countingStatements(Connection connection) {
            return (proxy, method, args) -> {
                if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                    prepared.incrementAndGet();
                }
                return invoke(method, connection, args);
            };
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }
    }
}
