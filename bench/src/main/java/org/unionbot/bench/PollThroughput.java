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
 * Arguments: [rounds, default 5] [clients, default 32] [voters, default 2000].
 */
public final class PollThroughput {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int voters = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
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

            // warm-up round, not reported
            round(polls, chair, sql, chat, clients, voters, "warm-up");
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                lines.add(round(polls, chair, sql, chat, clients, voters, "round " + r));
            }
            System.out.println();
            System.out.printf("## votes through /api/chat — %s, %d cores, %d clients, %d voters per round%n",
                    LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), clients, voters);
            System.out.println("| round | votes | retries | errors | votes/s | p50 ms | p99 ms | SQL check |");
            System.out.println("|---|---|---|---|---|---|---|---|");
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger(1);
        AtomicLong errors = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        long[] latencies = new long[voters];
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 1; i <= voters; i++) {
            sent[choice(i) - 1]++;
        }
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) <= voters) {
                        String body = "{\"user\":\"" + voter(i) + "\",\"text\":\"投 #" + poll.id() + " " + choice(i)
                                + "\",\"messageId\":\"p" + poll.id() + "-" + i + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || !response.body().contains("已记录")) {
                                errors.incrementAndGet();
                            }
                            if (i % 10 == 0) {
                                // a platform retry of the same message: answered silently, not counted
                                HttpResponse<String> retry = http.send(request, HttpResponse.BodyHandlers.ofString());
                                retries.incrementAndGet();
                                if (retry.statusCode() != 200 || retry.body().contains("已记录")) {
                                    errors.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i - 1] = System.nanoTime() - t0;
                    }
                } finally {
                    done.countDown();
                }
            }, "voter-client-" + c).start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
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
        return String.format("| %s | %d | %d | %d | %.0f | %.2f | %.2f | %s |", name, voters, retries.get(), errors.get(),
                voters / seconds, latencies[voters / 2] / 1e6, latencies[(int) (voters * 0.99) - 1] / 1e6, check);
    }

    private static int choice(int voter) {
        return voter % 7 < 3 ? 1 : voter % 7 < 5 ? 2 : 3;
    }
}
