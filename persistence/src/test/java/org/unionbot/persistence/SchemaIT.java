package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.persistence.testing.TestDatabase;

/** The migrations as the server sees them, read from information_schema. */
class SchemaIT {

    /** The roster tables; features add theirs, which the rules below cover as well. */
    private static final List<String> TABLES = List.of("binding_code", "conversation_state", "member",
            "member_identity", "member_role", "member_tag", "processed_message", "union_group");
    /** Quartz's own tables (V3) keep Quartz's binary keys. */
    private static final String APP_TABLES = "table_schema = DATABASE() AND table_name <> 'flyway_schema_history'"
            + " AND table_name NOT LIKE 'QRTZ\\_%'";

    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    @Test
    void everyTableIsInnoDbUtf8mb4() {
        List<Map<String, Object>> tables = sql.queryForList(
                "SELECT table_name AS name, engine, table_collation AS collation FROM information_schema.tables"
                        + " WHERE " + APP_TABLES + " ORDER BY table_name");

        assertThat(tables).extracting(t -> ((String) t.get("name")).toLowerCase()).containsAll(TABLES);
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.get("engine")).isEqualTo("InnoDB");
            assertThat(t.get("collation")).isEqualTo("utf8mb4_unicode_ci");
        });
        assertThat(sql.queryForList(
                        "SELECT DISTINCT character_set_name FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'"
                                + " AND character_set_name IS NOT NULL",
                        String.class))
                .containsExactly("utf8mb4");
        String ddl = sql.queryForMap("SHOW CREATE TABLE member").get("Create Table").toString();
        assertThat(ddl).contains("utf8mb4");
    }

    @Test
    void exactKeysCompareBinary() {
        assertThat(sql.queryForList(
                        "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND collation_name = 'utf8mb4_bin'"
                                + " ORDER BY 1",
                        String.class))
                .contains("binding_code.code_hash", "conversation_state.state_key",
                        "member_identity.platform_user_id", "member_tag.tag", "processed_message.dedup_key",
                        "union_group.name");
    }

    @Test
    void everyMigrationOnTheClassPathIsApplied() throws Exception {
        var files = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/V*__*.sql");
        List<String> versions = java.util.Arrays.stream(files)
                .map(f -> f.getFilename().substring(1, f.getFilename().indexOf("__")))
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        assertThat(versions).startsWith("1", "2", "3");
        assertThat(sql.queryForList(
                        "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                                + " ORDER BY installed_rank",
                        String.class))
                .containsExactlyElementsOf(versions);
    }

    @Test
    void purgeColumnsAreIndexed() {
        assertThat(sql.queryForList(
                        "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.statistics"
                                + " WHERE table_schema = DATABASE() AND seq_in_index = 1"
                                + " AND column_name IN ('received_at', 'expires_at')",
                        String.class))
                .contains("processed_message.received_at", "conversation_state.expires_at");
    }
}
