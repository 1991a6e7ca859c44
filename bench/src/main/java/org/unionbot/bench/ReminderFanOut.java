package org.unionbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.app.UnionBotApplication;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.notify.Audience;
import org.unionbot.core.notify.ChannelSender;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.notify.Notice;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.notify.NotifierSettings;
import org.unionbot.persistence.calendar.MyBatisDeliveryLog;

/**
 * One reminder to N members (default 10,000) through a channel that takes 50 ms a send, with the
 * application's real Notifier, member repository and delivery log on its embedded MariaDB. Reports
 * deliveries a second against the theoretical rate of the concurrency (concurrency / 50 ms) and the
 * database statements per delivery (the server's Com_select/insert/update/delete counters, which
 * also count the little else the idle application does meanwhile).
 *
 * <p>Arguments: [members, default 10000] [concurrency values, default "16,64"].
 */
public final class ReminderFanOut {
    private static final Duration SEND = Duration.ofMillis(50);

    /** The platform: 50 ms a send, counts what it got. */
    static final class SlowChannel implements ChannelSender {
        final AtomicInteger received = new AtomicInteger();

        @Override
        public Platform platform() {
            return Platform.WEB;
        }

        @Override
        public void send(String userId, Reply.Say message, String idempotencyKey) {
            try {
                Thread.sleep(SEND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            received.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String[] concurrencies = (args.length > 1 ? args[1] : "16,64").split(",");
        Path data = Files.createTempDirectory("unionbot-bench-fanout");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN");
        try {
            DataSource db = app.getBean(DataSource.class);
            long seedStart = System.nanoTime();
            seed(db, members);
            System.out.printf("seeded %d members with web accounts in %.1f s%n", members,
                    (System.nanoTime() - seedStart) / 1e9);
            MemberRepository repo = app.getBean(MemberRepository.class);
            MyBatisDeliveryLog log = app.getBean(MyBatisDeliveryLog.class);
            Clock clock = app.getBean(Clock.class);
            System.out.println();
            System.out.printf("## Reminder fan-out — %s, %d cores, %d members, %d ms a send%n",
                    LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), members, SEND.toMillis());
            System.out.println("| concurrency | recipients | seconds | deliveries/s | theoretical/s | ratio | DB statements | statements/delivery |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            int round = 0;
            for (String c : concurrencies) {
                int concurrency = Integer.parseInt(c.strip());
                SlowChannel channel = new SlowChannel();
                try (Notifier notifier = new Notifier(repo, log, List.of(channel),
                        new NotifierSettings(concurrency, 3, Duration.ofMillis(500), Map.of(), Duration.ofMinutes(2)),
                        clock)) {
                    Notice notice = new Notice("bench|" + LocalDate.now() + "|" + (round++) + "|" + concurrency,
                            List.of(new Audience.Tag("bench")), LocalDate.now(), "工会通知：基准测试", false, null, Set.of());
                    long before = statements(db);
                    long start = System.nanoTime();
                    DeliveryReport report = notifier.send(notice);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long used = statements(db) - before - 1; // less the counter query itself
                    if (report.sent() != members || channel.received.get() != members) {
                        throw new IllegalStateException("expected " + members + " sent, got " + report);
                    }
                    double rate = members / seconds;
                    double theoretical = concurrency * 1000.0 / SEND.toMillis();
                    System.out.printf("| %d | %d | %.1f | %.0f | %.0f | %.2f | %d | %.2f |%n", concurrency, members,
                            seconds, rate, theoretical, rate / theoretical, used, (double) used / members);
                }
            }
        } finally {
            app.close();
        }
    }

    private static final Map<String, Long> LAST = new java.util.TreeMap<>();

    private static long statements(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Com_select','Com_insert','Com_update','Com_delete','Com_insert_select','Com_replace')")) {
            long sum = 0;
            StringBuilder diff = new StringBuilder();
            while (rs.next()) {
                sum += rs.getLong(2);
                Long before = LAST.put(rs.getString(1), rs.getLong(2));
                if (before != null) {
                    diff.append(rs.getString(1)).append('=').append(rs.getLong(2) - before).append(' ');
                }
            }
            if (!diff.isEmpty() && Boolean.getBoolean("bench.counters")) {
                System.out.println("counters: " + diff);
            }
            return sum;
        }
    }

    /** Members B00001… tagged "bench", each with a web account, in batches. */
    private static void seed(DataSource db, int n) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            try (PreparedStatement m = c.prepareStatement("INSERT INTO member (name, staff_no, gender, status, created_at, updated_at) VALUES (?, ?, 'UNKNOWN', 'ACTIVE', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 1; i <= n; i++) {
                    m.setString(1, "基准" + i);
                    m.setString(2, String.format("B%05d", i));
                    m.setTimestamp(3, now);
                    m.setTimestamp(4, now);
                    m.addBatch();
                }
                m.executeBatch();
            }
            Map<String, Long> ids = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, staff_no FROM member WHERE staff_no LIKE 'B%'")) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO member_tag (member_id, tag) VALUES (?, 'bench')");
                 PreparedStatement r = c.prepareStatement("INSERT INTO member_role (member_id, role) VALUES (?, 'MEMBER')");
                 PreparedStatement w = c.prepareStatement("INSERT INTO member_identity (platform, platform_user_id, member_id, bound_at) VALUES ('web', ?, ?, ?)")) {
                for (Map.Entry<String, Long> e : ids.entrySet()) {
                    t.setLong(1, e.getValue());
                    t.addBatch();
                    r.setLong(1, e.getValue());
                    r.addBatch();
                    w.setString(1, "b" + e.getKey());
                    w.setLong(2, e.getValue());
                    w.setTimestamp(3, now);
                    w.addBatch();
                }
                t.executeBatch();
                r.executeBatch();
                w.executeBatch();
            }
            c.commit();
        }
    }
}
