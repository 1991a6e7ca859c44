package org.unionbot.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.persistence.embedded.EmbeddedMariaDb;

/**
 * The database: the one named by {@code UNIONBOT_DB_URL}, else an embedded MariaDB kept under the data
 * directory, so a school can try the bot with one command and no database administrator.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final System.Logger LOG = System.getLogger(DatabaseConfiguration.class.getName());
    static final String EMBEDDED_DATABASE = "unionbot";

    /** Holds the embedded server when there is one, so that it stops after the pool closes. */
    static final class EmbeddedServer implements AutoCloseable {
        private final EmbeddedMariaDb db;

        EmbeddedServer(EmbeddedMariaDb db) {
            this.db = db;
        }

        String jdbcUrl() {
            return db.jdbcUrl(EMBEDDED_DATABASE);
        }

        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(UnionBotProperties properties) {
        if (!properties.db().embedded()) {
            return new EmbeddedServer(null);
        }
        Path dir = properties.dataDir().toAbsolutePath().normalize().resolve("mariadb");
        long started = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, properties.db().embeddedPort());
        db.createDatabase(EMBEDDED_DATABASE);
        LOG.log(Level.INFO, "embedded MariaDB ready in {0} ms, data in {1}",
                (System.nanoTime() - started) / 1_000_000, dir);
        return new EmbeddedServer(db);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(UnionBotProperties properties, EmbeddedServer embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("unionbot");
        if (properties.db().embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("root");
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().username());
            config.setPassword(properties.db().password());
        }
        config.setMaximumPoolSize(20);
        // Connector/J, measured on the vote path (docs/benchmarks.md): without a statement cache it parses
        // every statement's SQL text on every call (a tenth of a vote's CPU in the engine); without local
        // session state it asks the server "SELECT @@session.transaction_read_only" on every MyBatis call.
        // The application changes autocommit and read-only only through JDBC, never by SQL text, so the
        // driver's own record of them is exact. Batches (a poll's electorate) go as multi-row INSERTs.
        config.addDataSourceProperty("cachePrepStmts", "true");
        config.addDataSourceProperty("prepStmtCacheSize", "250");
        config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        config.addDataSourceProperty("useLocalSessionState", "true");
        config.addDataSourceProperty("rewriteBatchedStatements", "true");
        // utf8mb4 end to end: names and messages carry emoji and rare CJK.
        config.setConnectionInitSql("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new HikariDataSource(config);
    }
}
