package org.unionbot.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbIT {

    private static final Path SHARED_BINARIES =
            Path.of(System.getProperty("java.io.tmpdir"), "unionbot-mariadb-binaries");

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartEvenUnderTheTempDirectory() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, SHARED_BINARIES, 0)) {
            System.out.printf("embedded MariaDB first start (install included): %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(db.port()).isPositive();
            db.createDatabase("kept");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("kept"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (name VARCHAR(20)) DEFAULT CHARSET=utf8mb4");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    insert.setString(1, "王芳🌸");
                    insert.executeUpdate();
                }
            }
        }

        started = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, SHARED_BINARIES, 0)) {
            System.out.printf("embedded MariaDB restart on existing data: %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("kept"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("王芳🌸");
            }
        }
        assertThat(dataDir.resolve("data")).isDirectory();
        assertThat(Files.exists(dataDir.resolve("data.installing"))).isFalse();
    }

    @Test
    void serverDefaultsAreUtf8mb4AndLoopbackOnly() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, SHARED_BINARIES, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl("defaults"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT @@character_set_server, @@collation_server, @@bind_address, @@character_set_database")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("utf8mb4");
            assertThat(rs.getString(2)).isEqualTo("utf8mb4_unicode_ci");
            assertThat(rs.getString(3)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(4)).isEqualTo("utf8mb4");
        }
    }

    @Test
    void databaseNamesAreRestricted() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, SHARED_BINARIES, 0)) {
            assertThatThrownBy(() -> db.createDatabase("x`; DROP DATABASE mysql; --"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> db.jdbcUrl("a/b")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
