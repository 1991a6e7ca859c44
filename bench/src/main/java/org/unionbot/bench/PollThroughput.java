package org.unionbot.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.app.UnionBotApplication;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;

/**
 * Votes per second through {@code /api/chat}: 2,000 voters (imported into the embedded instance with the
 * tag "bench"), 32 closed-loop clients, one secret single-choice poll per round; every voter sends
 * "投 #id n" once, and every tenth voter's request is sent a second time with the same message id (a
 * platform retry), which must not count. After each round the poll is closed and SQL checks: one
 * participation and one ballot per voter, and per-option totals equal to what the clients sent.
 * Arguments: [rounds, default 5] [clients, default 32] [voters, default 2000] [warm-up rounds, default 8].
 *
 * <p>Per round it also prints the server's statement and commit counters per vote ({@code SHOW GLOBAL
 * STATUS} before and after; the embedded server serves only this process) and the CPU time per vote of
 * this JVM by thread group and of the embedded mariadbd: on a shared 2-core machine these say where a
 * vote's cost goes when the wall-clock rate does not. {@code -Dbench.generalLog=/path/file.log} writes
 * every statement of the measured rounds to MariaDB's general log.
 */
public final class PollThroughput {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int voters = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Path data = Files.createTempDirectory("unionbot-poll-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI chat = URI.create("http://127.0.0.1:" + port + "/api/chat");
            importVoters(app, voters);
            PollService polls = app.getBean(PollService.class);
            Member chair = app.getBean(MemberRepository.class).findByRole(UnionRole.CHAIR).get(0);
            JdbcTemplate sql = new JdbcTemplate(app.getBean(DataSource.class));

            // Warm-up rounds, not reported. The request path is large (Tomcat, Spring MVC, Jackson, the engine,
            // Connector/J): -XX:+PrintCompilation still shows hundreds of C2 compiles per round after three
            // rounds, and the compiler threads took a third of the 2 cores then. A bot that has run for a day
            // is past that; about eight rounds (16,000 votes) get there.
            for (int w = 1; w <= warmUps; w++) {
                round(polls, chair, sql, chat, clients, voters, "warm-up " + w);
            }
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                lines.add(round(polls, chair, sql, chat, clients, voters, "round " + r));
            }
            System.out.println();
            System.out.printf("## votes through /api/chat — %s, %d cores, %d clients, %d voters per round, %s client%n",
                    LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, voters,
                    CLIENT);
            System.out.println("| round | votes | retries | errors | votes/s | p50 ms | p99 ms | statements/vote | SQL check |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            lines.forEach(System.out::println);
        } finally {
            app.close();
        }
    }

    private static void importVoters(ConfigurableApplicationContext app, int voters) throws Exception {
        StringBuilder csv = new StringBuilder("姓名,工号,性别,工会小组,角色,标签\n");
        for (int i = 1; i <= voters; i++) {
            csv.append("投票人").append(i).append(",V").append(String.format("%05d", i)).append(",女,第")
                    .append(i % 40).append("组,会员,bench\n");
        }
        app.getBean(RosterImporter.class).importTable(RosterFiles.readCsv(new StringReader(csv.toString())));
        MemberRepository members = app.getBean(MemberRepository.class);
        for (int i = 1; i <= voters; i++) {
            long id = members.findByStaffNo(String.format("V%05d", i)).orElseThrow().id();
            members.bindIdentity(new PlatformIdentity(Platform.WEB, voter(i), id));
        }
    }

    private static String voter(int i) {
        return String.format("v%05d", i);
    }

    private static String round(PollService polls, Member chair, JdbcTemplate sql, URI chat, int clients, int voters,
                                String name) throws Exception {
        Poll poll = polls.open(new PollDraft("压测投票 " + name, PollKind.SINGLE, List.of("甲", "乙", "丙"), 1, 0,
                new Electorate(Electorate.Type.TAG, "bench"), true, false, Visibility.AFTER_CLOSE,
                Instant.now().plus(Duration.ofHours(1)), null, null), chair);
        long[] sent = new long[3];
        boolean rawClient = !"jdk".equals(CLIENT);
        AtomicInteger next = new AtomicInteger(1);
        AtomicLong errors = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        long[] latencies = new long[voters];
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 1; i <= voters; i++) {
            sent[choice(i) - 1]++;
        }
        String logFile = System.getProperty("bench.generalLog");
        if (logFile != null && !name.startsWith("warm-up")) {
            // every statement of one measured round, for reading what a single vote sends
            sql.execute("SET GLOBAL general_log_file = '" + logFile.replace("'", "") + "'");
            sql.execute("SET GLOBAL general_log = 1");
        }
        java.util.Map<String, Long> countersBefore = counters(sql);
        long[] cpuBefore = cpuMillis();
        AtomicLong clientCpu = new AtomicLong();
        java.util.Map<Long, Long> threadsBefore = threadCpu();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                Sender send = rawClient ? new RawSender(chat) : new JdkSender(chat);
                try {
                    int i;
                    while ((i = next.getAndIncrement()) <= voters) {
                        String body = "{\"user\":\"" + voter(i) + "\",\"text\":\"投 #" + poll.id() + " " + choice(i)
                                + "\",\"messageId\":\"p" + poll.id() + "-" + i + "\"}";
                        long t0 = System.nanoTime();
                        try {
                            RawHttpConnection.Response response = send.post(body);
                            if (response.status() != 200 || !response.body().contains("已记录")) {
                                errors.incrementAndGet();
                            }
                            if (i % 10 == 0) {
                                // a platform retry of the same message: answered silently, not counted
                                RawHttpConnection.Response retry = send.post(body);
                                retries.incrementAndGet();
                                if (retry.status() != 200 || retry.body().contains("已记录")) {
                                    errors.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i - 1] = System.nanoTime() - t0;
                    }
                } finally {
                    send.close();
                    clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, "voter-client-" + c).start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] cpuAfter = cpuMillis();
        java.util.Map<String, Long> byGroup = threadGroupsCpu(threadsBefore);
        byGroup.merge("voter-client", clientCpu.get(), Long::sum);
        java.util.Map<String, Long> countersAfter = counters(sql);
        if (logFile != null) {
            sql.execute("SET GLOBAL general_log = 0");
        }
        StringBuilder perVote = new StringBuilder();
        countersAfter.forEach((counter, after) -> {
            long used = after - countersBefore.getOrDefault(counter, 0L);
            if (used != 0) {
                perVote.append(String.format(" %s=%.2f", counter, (double) used / voters));
            }
        });
        // per vote: the server's counters over the round divided by the voters (the 10 % retries included,
        // the two counter queries and background work such as Quartz's check-ins too: a few per round)
        System.out.println(name + " server counters per vote:" + perVote);
        // CPU time per vote: on 2 shared cores it says more than the wall clock which side costs what
        System.out.printf("%s CPU per vote: this JVM (server and load client) %.2f ms, MariaDB %.2f ms%n", name,
                (double) (cpuAfter[0] - cpuBefore[0]) / voters, (double) (cpuAfter[1] - cpuBefore[1]) / voters);
        long javaThreads = byGroup.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
        StringBuilder groups = new StringBuilder();
        byGroup.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / 1e6 / voters >= 0.01)
                .forEach(e -> groups.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / 1e6 / voters)));
        System.out.printf("%s JVM CPU per vote by thread (ms):%s; GC, JIT and other VM threads=%.2f%n", name, groups,
                (double) (cpuAfter[0] - cpuBefore[0] - javaThreads) / voters);
        polls.close(poll.id(), chair.id());
        int participations = sql.queryForObject("SELECT COUNT(*) FROM poll_participation WHERE poll_id = ?",
                Integer.class, poll.id());
        int ballots = sql.queryForObject("SELECT COUNT(*) FROM ballot WHERE poll_id = ?", Integer.class, poll.id());
        long[] counted = new long[3];
        sql.query("SELECT choices, COUNT(*) FROM ballot WHERE poll_id = ? GROUP BY choices",
                rs -> {
                    counted[Integer.parseInt(rs.getString(1)) - 1] = rs.getLong(2);
                }, poll.id());
        boolean exact = participations == voters && ballots == voters && Arrays.equals(sent, counted);
        Arrays.sort(latencies);
        String check = (exact ? "exact" : "MISMATCH") + ": " + participations + " participations, " + ballots
                + " ballots, totals " + Arrays.toString(counted) + " vs sent " + Arrays.toString(sent);
        System.out.printf("%s: %.0f votes/s, errors %d, %s%n", name, voters / seconds, errors.get(), check);
        double statements = (double) (countersAfter.getOrDefault("Questions", 0L)
                - countersBefore.getOrDefault("Questions", 0L)) / voters;
        return String.format("| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %s |", name, voters, retries.get(),
                errors.get(), voters / seconds, latencies[voters / 2] / 1e6, latencies[(int) (voters * 0.99) - 1] / 1e6,
                statements, check);
    }

    /** {@code -Dbench.client=jdk} sends with the JDK's HttpClient; the default is {@link RawHttpConnection}. */
    private static final String CLIENT = System.getProperty("bench.client", "raw");

    /** One client thread's way of posting a vote. */
    private interface Sender extends AutoCloseable {
        RawHttpConnection.Response post(String json) throws Exception;

        @Override
        void close();
    }

    private static final class RawSender implements Sender {
        private final RawHttpConnection connection;

        RawSender(URI uri) {
            this.connection = new RawHttpConnection(uri);
        }

        @Override
        public RawHttpConnection.Response post(String json) throws Exception {
            return connection.post(json);
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    private static final class JdkSender implements Sender {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI uri;

        JdkSender(URI uri) {
            this.uri = uri;
        }

        @Override
        public RawHttpConnection.Response post(String json) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new RawHttpConnection.Response(response.statusCode(), response.body());
        }

        @Override
        public void close() {
            // the shared client keeps its connections
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static java.util.Map<Long, Long> threadCpu() {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            out.put(id, THREADS.getThreadCpuTime(id));
        }
        return out;
    }

    /** CPU nanoseconds each group of live threads (name less its number) used since {@code before}. */
    private static java.util.Map<String, Long> threadGroupsCpu(java.util.Map<Long, Long> before) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || info.getThreadName().startsWith("voter-client")) {
                continue; // the clients report their own time as they finish
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String group = info.getThreadName().replaceAll("[-#]?\\d+", "");
            out.merge(group, cpu - before.getOrDefault(info.getThreadId(), 0L), Long::sum);
        }
        return out;
    }

    /** CPU milliseconds used so far by this JVM and by its child processes (the embedded mariadbd). */
    private static long[] cpuMillis() {
        long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        long children = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
        return new long[] {self, children};
    }

    /** Statement and commit counters of the whole server (connections of every client). */
    private static java.util.Map<String, Long> counters(JdbcTemplate sql) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        sql.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update',"
                + "'Com_delete','Com_insert_select','Com_commit','Com_rollback','Com_begin','Com_set_option','Com_stmt_execute',"
                + "'Com_stmt_prepare','Com_admin_commands','Handler_commit','Handler_prepare','Innodb_log_writes',"
                + "'Innodb_os_log_fsyncs','Innodb_data_fsyncs','Binlog_commits')", rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static int choice(int voter) {
        return voter % 7 < 3 ? 1 : voter % 7 < 5 ? 2 : 3;
    }
}
