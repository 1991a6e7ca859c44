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
        // utf8mb4 end to end: names and messages carry emoji and rare CJK.
        config.setConnectionInitSql("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new HikariDataSource(config);
    }
}
