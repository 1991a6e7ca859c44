package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.persistence.testing.TestDatabase;

/** The knowledge migration (V10) as the server sees it. */
class KnowledgeSchemaIT {
    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    @Test
    void knowledgeTablesExistWithBinaryIds() {
        assertThat(sql.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1", String.class))
                .contains("10");
        assertThat(sql.queryForList(
                        "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND collation_name = 'utf8mb4_bin'"
                                + " AND table_name LIKE 'knowledge%' ORDER BY 1",
                        String.class))
                .containsExactly("knowledge_entry.id", "knowledge_unanswered.entry_id");
    }
}
