package org.unionbot.persistence.console;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.console.AuditLog;

/**
 * The audit trail in {@code console_audit}. The JdbcTemplate joins the caller's Spring transaction, so
 * an entry written beside a change commits or rolls back with it.
 */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.update("INSERT INTO console_audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC), cut(e.actor(), 64), cut(e.action(), 64),
                cut(e.target(), 200), cut(e.detail(), 1000));
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return jdbc.query("SELECT at, actor, action, target, detail FROM console_audit ORDER BY id DESC LIMIT ?",
                (rs, n) -> new AuditEntry(rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail")),
                Math.max(1, Math.min(limit, 1000)));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
