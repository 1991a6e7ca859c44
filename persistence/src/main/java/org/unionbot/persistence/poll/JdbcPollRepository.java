package org.unionbot.persistence.poll;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.poll.AuditEntry;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollRepository;
import org.unionbot.core.poll.PollStatus;
import org.unionbot.core.poll.Rules;
import org.unionbot.core.poll.Visibility;

/**
 * Polls on the database with plain JDBC (like {@code JdbcConversationStateStore}): the vote path is a
 * handful of short statements in one transaction and reads more clearly without a mapper layer.
 *
 * <p>A vote takes a shared lock on the poll row, and closing takes the exclusive one, so a vote is
 * either wholly in the tally or refused; the primary key of {@code poll_participation} makes one vote
 * per member hold with any number of instances.
 */
public final class JdbcPollRepository implements PollRepository {
    private static final String COLUMNS = "id, title, kind, options, max_choices, scale_max, electorate_type,"
            + " electorate_value, secret, allow_change, visibility, deadline, quorum_num, quorum_den, threshold_num,"
            + " threshold_den, threshold_basis, threshold_strict, status, created_by, created_at, closed_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcPollRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public long create(PollDraft d, Set<Long> electorate, long createdBy, Instant at) {
        return tx.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO poll (title, kind, options, max_choices, scale_max,"
                        + " electorate_type, electorate_value, secret, allow_change, visibility, deadline, quorum_num,"
                        + " quorum_den, threshold_num, threshold_den, threshold_basis, threshold_strict, status,"
                        + " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'OPEN',?,?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                int i = 1;
                i = bindDraft(ps, d, i);
                ps.setLong(i++, createdBy);
                ps.setObject(i, toDb(at));
                return ps;
            }, keys);
            long id = keys.getKey().longValue();
            List<Object[]> rows = electorate.stream().map(m -> new Object[] {id, m}).toList();
            jdbc.batchUpdate("INSERT INTO poll_elector (poll_id, member_id) VALUES (?, ?)", rows);
            audit(id, createdBy, "created", at);
            return id;
        });
    }

    private static int bindDraft(java.sql.PreparedStatement ps, PollDraft d, int i) throws SQLException {
        ps.setString(i++, d.title());
        ps.setString(i++, d.kind().name());
        ps.setString(i++, String.join("\n", d.options()));
        ps.setInt(i++, d.maxChoices());
        ps.setInt(i++, d.scaleMax());
        ps.setString(i++, d.electorate().type().name());
        ps.setString(i++, d.electorate().value());
        ps.setBoolean(i++, d.secret());
        ps.setBoolean(i++, d.allowChange());
        ps.setString(i++, d.visibility().name());
        ps.setObject(i++, toDb(d.deadline()));
        ps.setObject(i++, d.quorum() == null ? null : d.quorum().numerator());
        ps.setObject(i++, d.quorum() == null ? null : d.quorum().denominator());
        Rules.Threshold t = d.threshold();
        ps.setObject(i++, t == null ? null : t.numerator());
        ps.setObject(i++, t == null ? null : t.denominator());
        ps.setString(i++, t == null ? null : t.basis().name());
        ps.setObject(i++, t == null ? null : t.strict());
        return i;
    }

    @Override
    public Optional<Poll> find(long pollId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM poll WHERE id = ?", POLL, pollId).stream().findFirst();
    }

    @Override
    public List<Poll> openPollsFor(long memberId) {
        return jdbc.query("SELECT " + prefixed("p") + " FROM poll p JOIN poll_elector e ON e.poll_id = p.id"
                + " WHERE e.member_id = ? AND p.status = 'OPEN' ORDER BY p.id", POLL, memberId);
    }

    @Override
    public List<Poll> openPollsDueBefore(Instant cutoff) {
        return jdbc.query("SELECT " + COLUMNS + " FROM poll WHERE status = 'OPEN' AND deadline < ? ORDER BY id",
                POLL, toDb(cutoff));
    }

    @Override
    public List<Poll> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM poll ORDER BY id DESC LIMIT ?", POLL, limit);
    }

    @Override
    public boolean inElectorate(long pollId, long memberId) {
        return !jdbc.queryForList("SELECT 1 FROM poll_elector WHERE poll_id = ? AND member_id = ?", Integer.class,
                pollId, memberId).isEmpty();
    }

    @Override
    public List<Long> electorate(long pollId) {
        return jdbc.queryForList("SELECT member_id FROM poll_elector WHERE poll_id = ? ORDER BY member_id",
                Long.class, pollId);
    }

    @Override
    public Set<Long> voters(long pollId) {
        return new HashSet<>(jdbc.queryForList("SELECT member_id FROM poll_participation WHERE poll_id = ?",
                Long.class, pollId));
    }

    @Override
    public boolean edit(long pollId, PollDraft d, Set<Long> electorate, long editedBy, Instant at) {
        Boolean edited = tx.execute(status -> {
            // Exclusive lock on the poll: a vote (shared lock) cannot slip in between the check and the update.
            jdbc.queryForList("SELECT id FROM poll WHERE id = ? FOR UPDATE", Long.class, pollId);
            if (!voters(pollId).isEmpty()) {
                return false;
            }
            int n = jdbc.update(con -> {
                var ps = con.prepareStatement("UPDATE poll SET title=?, kind=?, options=?, max_choices=?, scale_max=?,"
                        + " electorate_type=?, electorate_value=?, secret=?, allow_change=?, visibility=?, deadline=?,"
                        + " quorum_num=?, quorum_den=?, threshold_num=?, threshold_den=?, threshold_basis=?,"
                        + " threshold_strict=? WHERE id = ? AND status = 'OPEN'");
                int i = bindDraft(ps, d, 1);
                ps.setLong(i, pollId);
                return ps;
            });
            if (n == 1) {
                // nobody has voted, so the snapshot may follow the edited electorate
                jdbc.update("DELETE FROM poll_elector WHERE poll_id = ?", pollId);
                jdbc.batchUpdate("INSERT INTO poll_elector (poll_id, member_id) VALUES (?, ?)",
                        electorate.stream().map(m -> new Object[] {pollId, m}).toList());
                audit(pollId, editedBy, "edited", at);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(edited);
    }

    @Override
    public boolean castFirst(long pollId, long memberId, String ballotId, Choices choices, String receiptHash,
                             boolean named, Instant at) {
        Boolean cast = tx.execute(status -> {
            if (!lockOpen(pollId)) {
                return false;
            }
            if (jdbc.update("INSERT IGNORE INTO poll_participation (poll_id, member_id) VALUES (?, ?)",
                    pollId, memberId) == 0) {
                return false;
            }
            jdbc.update("INSERT INTO ballot (id, poll_id, choices, receipt_hash) VALUES (?, ?, ?, ?)",
                    ballotId, pollId, choices.encode(), receiptHash);
            if (named) {
                jdbc.update("INSERT INTO poll_named_ballot (poll_id, member_id, ballot_id) VALUES (?, ?, ?)",
                        pollId, memberId, ballotId);
            }
            return true;
        });
        return Boolean.TRUE.equals(cast);
    }

    /**
     * The vote path in two statements: one writes the participation only if the member is in the
     * electorate and the poll row (read with a shared lock, so a close waits for this vote or refuses it)
     * is open with the options the choices were checked against; the other writes the ballot. The
     * database stays the arbiter of one vote per member (primary key of {@code poll_participation}).
     * Only when nothing was written does a third statement find out why.
     */
    @Override
    public Cast cast(Poll poll, long memberId, String ballotId, Choices choices, String receiptHash, Instant at) {
        long pollId = poll.id();
        PollDraft spec = poll.spec();
        return tx.execute(status -> {
            int written = jdbc.update("INSERT IGNORE INTO poll_participation (poll_id, member_id)"
                    + " SELECT e.poll_id, e.member_id FROM poll_elector e JOIN poll p ON p.id = e.poll_id"
                    + " WHERE e.poll_id = ? AND e.member_id = ? AND p.status = 'OPEN' AND p.kind = ?"
                    + " AND p.options = ? COLLATE utf8mb4_bin AND p.max_choices = ? AND p.scale_max = ? AND p.secret = ?"
                    + " AND p.deadline = ? LOCK IN SHARE MODE",
                    pollId, memberId, spec.kind().name(), String.join("\n", spec.options()), spec.maxChoices(),
                    spec.scaleMax(), spec.secret(), toDb(spec.deadline()));
            if (written == 1) {
                jdbc.update("INSERT INTO ballot (id, poll_id, choices, receipt_hash) VALUES (?, ?, ?, ?)",
                        ballotId, pollId, choices.encode(), receiptHash);
                if (!spec.secret()) {
                    jdbc.update("INSERT INTO poll_named_ballot (poll_id, member_id, ballot_id) VALUES (?, ?, ?)",
                            pollId, memberId, ballotId);
                }
                return Cast.RECORDED;
            }
            return whyNotCast(poll, memberId);
        });
    }

    /** Why {@link #cast} wrote nothing; read in the same transaction, the poll row still share-locked. */
    private Cast whyNotCast(Poll poll, long memberId) {
        List<Cast> why = jdbc.query("SELECT p.status, p.kind, p.options, p.max_choices, p.scale_max, p.secret,"
                + " p.deadline, EXISTS (SELECT 1 FROM poll_elector e WHERE e.poll_id = p.id AND e.member_id = ?),"
                + " EXISTS (SELECT 1 FROM poll_participation v WHERE v.poll_id = p.id AND v.member_id = ?)"
                + " FROM poll p WHERE p.id = ? LOCK IN SHARE MODE", (rs, n) -> {
                    PollDraft spec = poll.spec();
                    if (!"OPEN".equals(rs.getString(1))) {
                        return Cast.CLOSED;
                    }
                    boolean same = spec.kind().name().equals(rs.getString(2))
                            && String.join("\n", spec.options()).equals(rs.getString(3))
                            && spec.maxChoices() == rs.getInt(4) && spec.scaleMax() == rs.getInt(5)
                            && spec.secret() == rs.getBoolean(6)
                            && spec.deadline().equals(fromDb(rs.getObject(7, LocalDateTime.class)));
                    if (!same) {
                        return Cast.STALE;
                    }
                    if (!rs.getBoolean(8)) {
                        return Cast.NOT_ELIGIBLE;
                    }
                    // In the electorate and no participation written: it was there already. (Also the
                    // answer if a participation row appeared while the IGNORE swallowed another error.)
                    return Cast.ALREADY_VOTED;
                }, memberId, memberId, poll.id());
        return why.isEmpty() ? Cast.CLOSED : why.get(0);
    }

    /** Shared lock on an open poll; false when it is closed (then nothing may be written). */
    private boolean lockOpen(long pollId) {
        return !jdbc.queryForList("SELECT id FROM poll WHERE id = ? AND status = 'OPEN' LOCK IN SHARE MODE",
                Long.class, pollId).isEmpty();
    }

    @Override
    public boolean changeNamed(long pollId, long memberId, Choices choices) {
        Boolean changed = tx.execute(status -> lockOpen(pollId) && jdbc.update(
                "UPDATE ballot b JOIN poll_named_ballot n ON n.ballot_id = b.id SET b.choices = ?"
                        + " WHERE n.poll_id = ? AND n.member_id = ?", choices.encode(), pollId, memberId) == 1);
        return Boolean.TRUE.equals(changed);
    }

    @Override
    public boolean changeSecret(long pollId, long memberId, String receiptHash, Choices choices) {
        Boolean changed = tx.execute(status -> lockOpen(pollId)
                && !jdbc.queryForList("SELECT 1 FROM poll_participation WHERE poll_id = ? AND member_id = ?",
                        Integer.class, pollId, memberId).isEmpty()
                && jdbc.update("UPDATE ballot SET choices = ? WHERE poll_id = ? AND receipt_hash = ?",
                        choices.encode(), pollId, receiptHash) == 1);
        return Boolean.TRUE.equals(changed);
    }

    @Override
    public boolean close(long pollId, long closedBy, Instant at) {
        Boolean closed = tx.execute(status -> {
            int n = jdbc.update("UPDATE poll SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'",
                    toDb(at), pollId);
            if (n == 1) {
                audit(pollId, closedBy, "closed", at);
            }
            return n == 1;
        });
        return Boolean.TRUE.equals(closed);
    }

    @Override
    public Map<String, Choices> ballots(long pollId) {
        Map<String, Choices> out = new LinkedHashMap<>();
        jdbc.query("SELECT id, choices FROM ballot WHERE poll_id = ? ORDER BY id", rs -> {
            out.put(rs.getString(1), Choices.decode(rs.getString(2)));
        }, pollId);
        return out;
    }

    @Override
    public Map<Long, Choices> namedChoices(long pollId) {
        Map<Long, Choices> out = new LinkedHashMap<>();
        jdbc.query("SELECT n.member_id, b.choices FROM poll_named_ballot n JOIN ballot b ON b.id = n.ballot_id"
                + " WHERE n.poll_id = ? ORDER BY n.member_id", rs -> {
                    out.put(rs.getLong(1), Choices.decode(rs.getString(2)));
                }, pollId);
        return out;
    }

    @Override
    public Optional<String> ballotIdByReceipt(long pollId, String receiptHash) {
        return jdbc.queryForList("SELECT id FROM ballot WHERE poll_id = ? AND receipt_hash = ?", String.class,
                pollId, receiptHash).stream().findFirst();
    }

    @Override
    public void audit(long pollId, long memberId, String action, Instant at) {
        jdbc.update("INSERT INTO poll_audit (poll_id, member_id, action, at) VALUES (?, ?, ?, ?)",
                pollId, memberId, action, toDb(at));
    }

    @Override
    public Optional<Instant> auditUnlessRecent(long pollId, long memberId, String action, Instant at,
                                               java.time.Duration within) {
        return tx.execute(status -> {
            // The poll row's exclusive lock serialises the check and the record across instances. It is held
            // for two short statements; votes (shared lock) wait for it as they do for a close.
            jdbc.queryForList("SELECT id FROM poll WHERE id = ? FOR UPDATE", Long.class, pollId);
            LocalDateTime last = jdbc.queryForObject("SELECT MAX(at) FROM poll_audit WHERE poll_id = ? AND action = ?",
                    LocalDateTime.class, pollId, action);
            if (last != null && fromDb(last).isAfter(at.minus(within))) {
                return Optional.of(fromDb(last));
            }
            audit(pollId, memberId, action, at);
            return Optional.<Instant>empty();
        });
    }

    @Override
    public List<AuditEntry> auditTrail(long pollId) {
        return jdbc.query("SELECT poll_id, member_id, action, at FROM poll_audit WHERE poll_id = ? ORDER BY id",
                (rs, n) -> new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        fromDb(rs.getObject(4, LocalDateTime.class))), pollId);
    }

    private static final RowMapper<Poll> POLL = (rs, n) -> {
        PollKind kind = PollKind.valueOf(rs.getString("kind"));
        Rules.Quorum quorum = rs.getObject("quorum_num") == null ? null
                : new Rules.Quorum(rs.getInt("quorum_num"), rs.getInt("quorum_den"));
        Rules.Threshold threshold = rs.getObject("threshold_num") == null ? null
                : new Rules.Threshold(rs.getInt("threshold_num"), rs.getInt("threshold_den"),
                        Rules.Basis.valueOf(rs.getString("threshold_basis")), rs.getBoolean("threshold_strict"));
        PollDraft draft = new PollDraft(rs.getString("title"), kind, List.of(rs.getString("options").split("\n")),
                rs.getInt("max_choices"), rs.getInt("scale_max"),
                new Electorate(Electorate.Type.valueOf(rs.getString("electorate_type")), rs.getString("electorate_value")),
                rs.getBoolean("secret"), rs.getBoolean("allow_change"), Visibility.valueOf(rs.getString("visibility")),
                fromDb(rs.getObject("deadline", LocalDateTime.class)), quorum, threshold);
        LocalDateTime closed = rs.getObject("closed_at", LocalDateTime.class);
        return new Poll(rs.getLong("id"), draft, PollStatus.valueOf(rs.getString("status")), rs.getLong("created_by"),
                fromDb(rs.getObject("created_at", LocalDateTime.class)), closed == null ? null : fromDb(closed));
    };

    private static String prefixed(String alias) {
        List<String> cols = new ArrayList<>();
        for (String c : COLUMNS.split(",\\s*")) {
            cols.add(alias + "." + c);
        }
        return String.join(", ", cols);
    }

    private static LocalDateTime toDb(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant fromDb(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

}
