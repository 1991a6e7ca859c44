package org.unionbot.persistence.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.unionbot.persistence.embedded.EmbeddedMariaDb;

/**
 * A fresh, migrated database for the tests of this JVM, on a real server (never H2: one SQL dialect
 * everywhere).
 *
 * <ul>
 *   <li>With {@code UNIONBOT_TEST_DB_URL} set (say {@code jdbc:mysql://127.0.0.1:3306/test?user=root}),
 *       a database {@code unionbot_t_<random>} is created on that server and dropped when the JVM
 *       exits. The URL's user needs CREATE and DROP rights.
 *   <li>Otherwise one embedded MariaDB is started per JVM, with its data in a temporary directory that
 *       is deleted at exit; its binaries are unpacked once to
 *       {@code ${java.io.tmpdir}/unionbot-mariadb-binaries} and shared by later runs.
 * </ul>
 *
 * <p>Tests share the database; call {@link #truncateAll()} before each test that needs empty tables.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "UNIONBOT_TEST_DB_URL";

    private static final Pattern MYSQL_URL = Pattern.compile("^(jdbc:mysql://[^/?]+)/?([^?]*)(\\?.*)?$");
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static volatile TestDatabase instance;

    private final String jdbcUrl;
    private final String databaseName;
    private final HikariDataSource dataSource;

    private TestDatabase(String jdbcUrl, String databaseName) {
        this.jdbcUrl = jdbcUrl;
        this.databaseName = databaseName;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("unionbot-test-db");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        this.dataSource = new HikariDataSource(config);
    }

    /** The pooled data source of this JVM's test database, migrated to the latest schema. */
    public static DataSource dataSource() {
        return get().dataSource;
    }

    /** A complete URL (user included) of this JVM's test database, e.g. for {@code spring.datasource.url}. */
    public static String jdbcUrl() {
        return get().jdbcUrl;
    }

    /** The name of this JVM's test database, e.g. for {@code information_schema} queries. */
    public static String databaseName() {
        return get().databaseName;
    }

    /**
     * Empties every table except Flyway's history, whatever later migrations add. DELETE rather than
     * TRUNCATE: on small tables it is several times faster, and tests must not rely on ids anyway.
     */
    public static void truncateAll() {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : tables) {
                    if (!table.equalsIgnoreCase(FLYWAY_HISTORY)) {
                        statement.executeUpdate("DELETE FROM `" + table + "`");
                    }
                }
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }

    private static TestDatabase get() {
        TestDatabase db = instance;
        if (db == null) {
            synchronized (TestDatabase.class) {
                db = instance;
                if (db == null) {
                    db = create();
                    instance = db;
                }
            }
        }
        return db;
    }

    private static TestDatabase create() {
        String databaseName = "unionbot_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String serverUrl = System.getenv(URL_VARIABLE);
        TestDatabase db = serverUrl == null || serverUrl.isBlank()
                ? onEmbeddedServer(databaseName)
                : onServer(serverUrl.strip(), databaseName);
        Flyway.configure().dataSource(db.dataSource).load().migrate();
        return db;
    }

    private static TestDatabase onServer(String serverUrl, String databaseName) {
        Matcher url = MYSQL_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a jdbc:mysql:// URL: " + serverUrl);
        }
        String query = url.group(3) == null ? "?" : url.group(3) + "&";
        String dbUrl = url.group(1) + "/" + databaseName + query + "useUnicode=true&characterEncoding=UTF-8";
        execute(serverUrl, "CREATE DATABASE `" + databaseName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        TestDatabase db = new TestDatabase(dbUrl, databaseName);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.dataSource.close();
            try {
                execute(serverUrl, "DROP DATABASE IF EXISTS `" + databaseName + "`");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + databaseName + ": " + e.getMessage());
            }
        }, "test-database-drop"));
        return db;
    }

    private static TestDatabase onEmbeddedServer(String databaseName) {
        try {
            Path dataDir = Files.createTempDirectory("unionbot-test-mariadb-");
            Path sharedBinaries = Path.of(System.getProperty("java.io.tmpdir"), "unionbot-mariadb-binaries");
            EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir, sharedBinaries, 0);
            server.createDatabase(databaseName);
            TestDatabase db = new TestDatabase(server.jdbcUrl(databaseName), databaseName);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.dataSource.close();
                server.close();
                deleteQuietly(dataDir);
            }, "test-database-stop"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on the test server: " + sql, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
