package org.unionbot.persistence.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.unionbot.core.console.ConsoleAccount;
import org.unionbot.core.console.ConsoleAccountRepository;

/**
 * Console accounts in {@code console_account}. Plain JDBC: five small statements did not need a mapper.
 * The unique keys (user name, member) decide duplicates, so two chairs creating the same account at
 * once get one row and one refusal.
 */
public final class JdbcConsoleAccountRepository implements ConsoleAccountRepository {
    private static final String COLUMNS =
            "id, username, password_hash, member_id, enabled, must_change_password, created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcConsoleAccountRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ConsoleAccount> findByUsername(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_account WHERE username = ?", this::row, username)
                .stream().findFirst();
    }

    @Override
    public Optional<ConsoleAccount> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_account WHERE id = ?", this::row, id)
                .stream().findFirst();
    }

    @Override
    public List<ConsoleAccount> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_account ORDER BY username", this::row);
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM console_account", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public Optional<ConsoleAccount> create(String username, String passwordHash, long memberId,
            boolean mustChangePassword) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO console_account (username, password_hash, member_id, enabled,"
                        + " must_change_password, created_at) VALUES (?, ?, ?, TRUE, ?, ?)", new String[] {"id"});
                ps.setString(1, username);
                ps.setString(2, passwordHash);
                ps.setLong(3, memberId);
                ps.setBoolean(4, mustChangePassword);
                ps.setObject(5, now);
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return findById(keys.getKey().longValue());
    }

    @Override
    public void updatePassword(long accountId, String passwordHash, boolean mustChangePassword) {
        jdbc.update("UPDATE console_account SET password_hash = ?, must_change_password = ? WHERE id = ?",
                passwordHash, mustChangePassword, accountId);
    }

    @Override
    public void setEnabled(long accountId, boolean enabled) {
        jdbc.update("UPDATE console_account SET enabled = ? WHERE id = ?", enabled, accountId);
    }

    private ConsoleAccount row(ResultSet rs, int n) throws SQLException {
        return new ConsoleAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getLong("member_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
