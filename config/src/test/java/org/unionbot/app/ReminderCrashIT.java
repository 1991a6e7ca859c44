package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The crash test of issue 4 with a REAL process kill: the application runs in a child JVM on the test
 * database; real Quartz fires a reminder to {@value #TEACHERS} + 1 members through a web channel that
 * takes {@value #DELAY_MS} ms a send at concurrency 2; the test SIGKILLs the process in the middle of the
 * fan-out, starts it again, and checks at the receiving end (the durable web inbox) and in the delivery
 * log that every recipient got the reminder exactly once.
 */
class ReminderCrashIT {
    static final int TEACHERS = 100;
    static final int RECIPIENTS = TEACHERS + 1; // the chair is a member too
    static final long DELAY_MS = 100;
    static final int DUE_IN_SECONDS = 25;

    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    static final String SECRET = "crash-it-secret-0123456789-abcdefghijklmnopqr";

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The web chat's inbox of the child on {@code port}, read as {@code webUser} with their signed token. */
    private static String inbox(int port, String webUser) throws Exception {
        String token = new org.unionbot.adapter.web.WebLinkSigner(SECRET, java.time.Clock.systemUTC())
                .sign(webUser, Duration.ofMinutes(10));
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/inbox")).header("X-Unionbot-Token", token).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Process start(boolean setup, String plan, Path log, int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dcrash.send-delay-ms=" + DELAY_MS,
                "-Dcrash.setup=" + setup,
                "-Dcrash.teachers=" + TEACHERS));
        if (plan != null) {
            cmd.add("-Dcrash.plan=" + plan);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashFanOutMain.class.getName(),
                "--unionbot.db.url=" + TestDatabase.jdbcUrl(), "--server.port=" + port,
                "--unionbot.web.link-secret=" + SECRET,
                "--unionbot.calendar.concurrency=2",
                // A claim left by the killed process is taken over at the next start, not after 2 minutes.
                "--unionbot.calendar.claim-lease=1s"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private int count(String query, Object... args) {
        return sql.queryForObject(query, Integer.class, args);
    }

    @Test
    void aFanOutKilledMidwayReachesEveryRecipientExactlyOnceAfterTheRestart() throws Exception {
        TestDatabase.truncateAll();
        Path dir = Files.createDirectories(Path.of("target", "crash-it"));
        String source = CalendarItSupport.dayOfKey("crash", DUE_IN_SECONDS);
        Process first = start(true, CalendarItSupport.planDueIn("crash", "崩溃测试提醒", DUE_IN_SECONDS),
                dir.resolve("first.log"), 0);
        try {
            // Kill once a fifth of the members have the reminder: the rest are claimed or not yet sent.
            await("the fan-out to start", Duration.ofSeconds(90),
                    () -> !first.isAlive() || count("SELECT COUNT(*) FROM web_inbox") >= RECIPIENTS / 5);
            assertThat(first.isAlive()).as("child JVM alive; see target/crash-it/first.log").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly close of the pool
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        int inboxAtKill = count("SELECT COUNT(*) FROM web_inbox");
        int sentAtKill = count("SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'SENT'", source);
        assertThat(inboxAtKill).as("killed in the middle").isBetween(1, RECIPIENTS - 1);
        assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'CLAIMED'", source))
                .as("claims the killed process left").isPositive();
        assertThat(sentAtKill).isLessThanOrEqualTo(inboxAtKill);

        int port = freePort();
        Process second = start(false, null, dir.resolve("second.log"), port);
        try {
            await("every delivery to be marked sent", Duration.ofSeconds(90), () -> count(
                    "SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'SENT'", source) == RECIPIENTS);
            Thread.sleep(1000); // any stray resend would land now
            // At the receiving end: one message per member, each of them.
            List<Map<String, Object>> perUser = sql.queryForList(
                    "SELECT web_user, COUNT(*) AS n FROM web_inbox GROUP BY web_user");
            assertThat(perUser).hasSize(RECIPIENTS);
            assertThat(perUser).allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
            assertThat(count("SELECT COUNT(*) FROM web_inbox WHERE body LIKE '%崩溃测试提醒%'")).isEqualTo(RECIPIENTS);
            // In the delivery log: one row per member, all sent, nothing left claimed.
            assertThat(count("SELECT COUNT(*) FROM delivery_log WHERE source_key = ?", source)).isEqualTo(RECIPIENTS);
            assertThat(count("SELECT COUNT(DISTINCT member_id) FROM delivery_log WHERE source_key = ?", source))
                    .isEqualTo(RECIPIENTS);
            // Through the web chat's own API on the restarted process: a member delivered to before the kill
            // and one after both see the reminder once; a second read finds nothing more.
            String early = sql.queryForObject("SELECT web_user FROM web_inbox ORDER BY id LIMIT 1", String.class);
            String late = sql.queryForObject("SELECT web_user FROM web_inbox ORDER BY id DESC LIMIT 1", String.class);
            for (String user : List.of(early, late)) {
                String body = inbox(port, user);
                assertThat(body.split("崩溃测试提醒", -1)).as(body).hasSize(2);
                assertThat(inbox(port, user)).doesNotContain("崩溃测试提醒");
            }
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }
}
