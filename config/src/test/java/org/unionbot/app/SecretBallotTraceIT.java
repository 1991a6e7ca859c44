package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;

/**
 * Secret by construction, checked where a leak would actually sit: after secret votes cast through the
 * whole application (HTTP, engine, duplicate log, conversation state, web inbox), a dump of every table
 * and every log line must not put any voter's identity next to anything of their ballot.
 *
 * <p>The answer budget is 1 ms, so the answers (which name the choice and the receipt code) miss it and go
 * to the durable web inbox, the one place the application keeps a reply: they must be stored sealed and
 * still reach the voter. The storage-level test ({@code SecretBallotStorageIT}) covers the poll tables
 * themselves; this one covers everything around them.
 */
class SecretBallotTraceIT extends SignedWebChatBase {
    private static final Pattern RECEIPT = Pattern.compile("回执码：([A-Z2-9]{4}-[A-Z2-9]{4})");
    private static final Pattern BALLOT_ID = Pattern.compile("选票编号为 ([0-9a-f]{16})");

    @DynamicPropertySource
    static void slowAnswersAndDebugLogs(DynamicPropertyRegistry registry) {
        registry.add("unionbot.engine.answer-budget", () -> "1ms");
        registry.add("logging.level.org.unionbot", () -> "DEBUG");
    }

    @Autowired
    PollService polls;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** What names a voter: web user id, staff number, name, mobile. */
    private final Map<String, List<String>> identities = new LinkedHashMap<>();

    @BeforeEach
    void roster() throws Exception {
        freshRoster("姓名,工号,性别,工会小组,角色,手机\n"
                + "吴强,S000,男,行政组,主席,13900002222\n"
                + "周敏,S001,女,语文组,会员,13800001111\n"
                + "郑华,S002,男,数学组,会员,13800003333\n"
                + "孙丽,S003,女,数学组,会员,13800004444\n");
        String[][] people = {{"S000", "吴强", "13900002222"}, {"S001", "周敏", "13800001111"},
                {"S002", "郑华", "13800003333"}, {"S003", "孙丽", "13800004444"}};
        for (String[] p : people) {
            String webUser = "trace-" + p[0];
            bindWeb(p[0], webUser);
            identities.put(webUser, List.of(webUser, p[0], p[1], p[2]));
        }
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void detach() {
        root().detachAppender(logs);
    }

    @Test
    void noTableAndNoLogLinesAVoterToTheirSecretBallot() throws Exception {
        Member chair = members.findByRole(UnionRole.CHAIR).get(0);
        Poll poll = polls.open(new PollDraft("工会委员会选举（追踪测试）", PollKind.SINGLE, List.of("甲方案", "乙方案", "丙方案"),
                1, 0, new Electorate(Electorate.Type.ALL, null), true, true, Visibility.AFTER_CLOSE,
                Instant.now().plus(Duration.ofDays(1)), null, null), chair);

        // Each voter's ballot: what the answer names (receipt code, ballot id) and nothing else of theirs.
        Map<String, List<String>> ballots = new LinkedHashMap<>();
        List<String> answers = new ArrayList<>();
        int deferred = 0;
        int choice = 1;
        for (String voter : identities.keySet()) {
            Answer answer = chat(voter, "投 #" + poll.id() + " " + choice, "m-" + voter);
            deferred += answer.deferred() ? 1 : 0;
            String text = answer.text();
            assertThat(text).as("the voter still reads their answer").contains("已记录", "回执码");
            answers.add(text);
            ballots.put(voter, new ArrayList<>(List.of(find(RECEIPT, text), find(BALLOT_ID, text))));
            choice = choice % 3 + 1;
        }
        // A change of vote and a receipt check also answer with the ballot's choice.
        String changer = "trace-S001";
        String receipt = ballots.get(changer).get(0);
        Answer changed = chat(changer, "投 #" + poll.id() + " 3 " + receipt, "m-change");
        assertThat(changed.text()).contains("已将您", "3.丙方案");
        Answer checked = chat(changer, "查回执 #" + poll.id() + " " + receipt, "m-check");
        assertThat(checked.text()).contains(ballots.get(changer).get(1), "丙方案");
        deferred += (changed.deferred() ? 1 : 0) + (checked.deferred() ? 1 : 0);
        assertThat(deferred).as("answers that went through the durable web inbox").isGreaterThan(0);

        List<String> leaks = new ArrayList<>();
        for (String table : sql.queryForList("SHOW TABLES", String.class)) {
            for (Map<String, Object> row : sql.queryForList("SELECT * FROM `" + table + "`")) {
                String values = String.valueOf(row.values());
                for (var voter : ballots.entrySet()) {
                    for (String secret : voter.getValue()) {
                        if (values.contains(secret) && !table.equals("ballot")) {
                            // a receipt code or ballot id outside the ballot table is a leak even without a name
                            leaks.add(table + " holds " + secret + " of " + voter.getKey() + ": " + values);
                        }
                    }
                    if (values.contains("投 #" + poll.id())
                            && identities.get(voter.getKey()).stream().anyMatch(values::contains)) {
                        leaks.add(table + " holds a vote text next to " + voter.getKey() + ": " + values);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM web_inbox WHERE kind = 'sealed'", Integer.class))
                .as("the deferred secret answers are kept sealed").isEqualTo(deferred);

        List<String> logLeaks = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (var voter : ballots.entrySet()) {
                boolean secret = voter.getValue().stream().anyMatch(line::contains) || line.contains("投 #" + poll.id());
                if (secret) {
                    logLeaks.add(event.getLoggerName() + ": " + line);
                }
            }
        }
        assertThat(logs.list).as("DEBUG logging was on while voting").isNotEmpty();
        assertThat(logLeaks).isEmpty();
    }

    private record Answer(String text, boolean deferred) {}

    /** Sends a chat message; a deferred answer is read from the inbox (waiting for it if need be). */
    private Answer chat(String user, String text, String messageId) throws Exception {
        String json = "{\"text\":\"" + text + "\",\"messageId\":\"" + messageId + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json").header("X-Unionbot-Token", token(user))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (!response.body().contains("\"deferred\":true")) {
            return new Answer(response.body().replace("\\n", "\n"), false);
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        StringBuilder inbox = new StringBuilder();
        while (System.nanoTime() < until && !inbox.toString().contains("\"text\"")) {
            inbox.append(get("/api/inbox", user).replace("\\n", "\n"));
            Thread.sleep(50);
        }
        return new Answer(inbox.toString(), true);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
