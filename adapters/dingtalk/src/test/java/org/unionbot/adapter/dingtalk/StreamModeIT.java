package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import tools.jackson.databind.JsonNode;

/**
 * Stream mode against a fake gateway: the connection-open call served by WireMock, the WebSocket by
 * {@link FakeStreamGateway}; the messages run through a real engine and are answered via the session webhook.
 */
class StreamModeIT {
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private FakeStreamGateway gateway;
    private DingTalkFixture dt;
    private FreezableRelay relay;

    /** A command that holds its worker until the test releases it: work that is still running. */
    private final Command slow = new Command() {
        @Override
        public CommandSpec spec() {
            return new CommandSpec("慢慢来", List.of(), "慢慢来", "test", Privilege.PUBLIC, Locality.ANY);
        }

        @Override
        public Reply execute(CommandContext context) {
            slowStarted.countDown();
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text("好了");
        }
    };

    private void start(Duration silenceLimit) throws Exception {
        gateway = new FakeStreamGateway();
        var app = DingTalkSettings.App.of(DingTalkFixture.APP_KEY, DingTalkFixture.APP_SECRET,
                DingTalkFixture.ROBOT_CODE, DingTalkSettings.Mode.STREAM);
        dt = new DingTalkFixture(List.of(app), List.of(), GroupRobotSender.Limits.DINGTALK, Duration.ofMinutes(5),
                silenceLimit, List.of(slow), server -> {
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("tickets")
                            .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                            .willReturn(okJson("{\"endpoint\":\"" + gateway.endpoint() + "\",\"ticket\":\"ticket-1\"}")));
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("tickets")
                            .whenScenarioStateIs("second")
                            .willReturn(okJson("{\"endpoint\":\"" + gateway.endpoint() + "\",\"ticket\":\"ticket-2\"}")));
                });
        DingTalkFixture.await("first connection", () -> gateway.sessions.size() == 1);
    }

    @org.junit.jupiter.api.BeforeAll
    static void trustTheFakeGateway() {
        FakeStreamGateway.trustItForThisJvm();
    }

    @AfterEach
    void close() throws Exception {
        releaseSlow.countDown();
        if (dt != null) {
            dt.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private JsonNode awaitAnswer(String frameId) {
        DingTalkFixture.await("answer to " + frameId, () -> gateway.answerTo(frameId).isPresent());
        return gateway.answerTo(frameId).get().frame();
    }

    @Test
    void connectionIsOpenedWithTheAppCredentialsAndItsTicket() throws Exception {
        start(Duration.ofSeconds(60));
        dt.wireMock.verify(postRequestedFor(urlEqualTo("/v1.0/gateway/connections/open"))
                .withRequestBody(equalToJson("{\"clientId\":\"dingappkey001\",\"clientSecret\":\"this is a secret\","
                        + "\"subscriptions\":[{\"type\":\"CALLBACK\",\"topic\":\"/v1.0/im/bot/messages/get\"},"
                        + "{\"type\":\"CALLBACK\",\"topic\":\"/v1.0/card/instances/callback\"}]}", true, true)));
        assertThat(gateway.tickets).containsExactly("ticket-1");
    }

    @Test
    void messageIsAcknowledgedBeforeItsWorkIsDone() throws Exception {
        start(Duration.ofSeconds(60));
        gateway.sendRobotMessage(gateway.current(), "frame-1",
                dt.robotMessage("msg-s1", false, false, DingTalkFixture.WANG, "慢慢来"));

        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        JsonNode ack = awaitAnswer("frame-1");
        // The work is still held by the test, yet the gateway already has the acknowledgement.
        assertThat(releaseSlow.getCount()).isEqualTo(1);
        assertThat(dt.countTo("/session/ok")).isZero();
        assertThat(ack.path("code").asInt()).isEqualTo(200);
        assertThat(DingTalkJson.read(ack.path("data").asString()).has("response")).isTrue();

        releaseSlow.countDown();
        DingTalkFixture.await("answer posted", () -> dt.countTo("/session/ok") == 1);
        assertThat(dt.bodiesSentTo("/session/ok").get(0).path("text").path("content").asString()).isEqualTo("好了");
    }

    @Test
    void redeliveredMessageIsAcknowledgedAgainButRunsOnce() throws Exception {
        start(Duration.ofSeconds(60));
        String message = dt.robotMessage("msg-s2", true, true, DingTalkFixture.ZHAO, "帮助");
        gateway.sendRobotMessage(gateway.current(), "frame-a", message);
        gateway.sendRobotMessage(gateway.current(), "frame-b", message);
        gateway.sendRobotMessage(gateway.current(), "frame-c", message);

        awaitAnswer("frame-a");
        awaitAnswer("frame-b");
        awaitAnswer("frame-c");
        DingTalkFixture.await("answer posted", () -> dt.countTo("/session/ok") == 1);
        dt.settle();
        assertThat(dt.countTo("/session/ok")).isEqualTo(1);
        assertThat(dt.bodiesSentTo("/session/ok").get(0).path("at").path("atUserIds").get(0).asString())
                .isEqualTo(DingTalkFixture.ZHAO);
    }

    @Test
    void pingIsEchoed() throws Exception {
        start(Duration.ofSeconds(60));
        gateway.send(gateway.current(), "SYSTEM", "ping", "ping-1", "{\"opaque\":\"abc\"}");

        JsonNode pong = awaitAnswer("ping-1");
        assertThat(pong.path("code").asInt()).isEqualTo(200);
        assertThat(pong.path("data").asString()).isEqualTo("{\"opaque\":\"abc\"}");
    }

    @Test
    void droppedConnectionIsReopenedAndNoMessageIsLostOrDoubled() throws Exception {
        var log = java.util.logging.Logger.getLogger(StreamClient.class.getName());
        var records = new java.util.concurrent.CopyOnWriteArrayList<java.util.logging.LogRecord>();
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            droppedConnection();
        } finally {
            log.removeHandler(handler);
        }
        // The loss is logged, never swallowed.
        assertThat(records).anyMatch(r -> r.getLevel() == java.util.logging.Level.WARNING
                && java.text.MessageFormat.format(r.getMessage(), r.getParameters()).contains("reopening (attempt 2"));
        assertThat(dt.receivers.streams.get(0).connectionsOpened()).isEqualTo(2);
    }

    private void droppedConnection() throws Exception {
        start(Duration.ofSeconds(60));
        var first = gateway.current();
        gateway.sendRobotMessage(first, "frame-1", dt.robotMessage("msg-r1", false, false, DingTalkFixture.WANG, "帮助"));
        awaitAnswer("frame-1");
        gateway.drop(first);

        DingTalkFixture.await("second connection", Duration.ofSeconds(15), () -> gateway.sessions.size() == 2);
        assertThat(gateway.tickets).containsExactly("ticket-1", "ticket-2");
        var second = gateway.current();
        // DingTalk redelivers what it is unsure about, and sends what came in meanwhile.
        gateway.sendRobotMessage(second, "frame-1-again",
                dt.robotMessage("msg-r1", false, false, DingTalkFixture.WANG, "帮助"));
        gateway.sendRobotMessage(second, "frame-2", dt.robotMessage("msg-r2", false, false, DingTalkFixture.WANG, "我是谁"));
        awaitAnswer("frame-1-again");
        awaitAnswer("frame-2");

        DingTalkFixture.await("both answered", () -> dt.countTo("/session/ok") == 2);
        dt.settle();
        var texts = dt.bodiesSentTo("/session/ok").stream().map(b -> b.path("text").path("content").asString()).toList();
        assertThat(texts).hasSize(2);
        assertThat(texts).anyMatch(t -> t.contains("我能帮您做这些事")).anyMatch(t -> t.contains("王芳"));
    }

    @Test
    void quietButLiveConnectionIsKeptByPings() throws Exception {
        start(Duration.ofSeconds(1));
        // No frames for several keep-alive idle times: the pongs to the client's pings keep it open.
        Thread.sleep(8000);
        assertThat(gateway.sessions).hasSize(1);
    }

    @Test
    void connectionThatStopsAnsweringIsReopenedByTheWatchdog() throws Exception {
        gateway = new FakeStreamGateway();
        relay = new FreezableRelay(gateway.port());
        var app = DingTalkSettings.App.of(DingTalkFixture.APP_KEY, DingTalkFixture.APP_SECRET,
                DingTalkFixture.ROBOT_CODE, DingTalkSettings.Mode.STREAM);
        dt = new DingTalkFixture(List.of(app), List.of(), GroupRobotSender.Limits.DINGTALK, Duration.ofMinutes(5),
                Duration.ofSeconds(1), List.of(), server -> {
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("t")
                            .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("direct")
                            .willReturn(okJson("{\"endpoint\":\"wss://localhost:" + relay.port()
                                    + "/connect\",\"ticket\":\"ticket-1\"}")));
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("t")
                            .whenScenarioStateIs("direct")
                            .willReturn(okJson("{\"endpoint\":\"" + gateway.endpoint() + "\",\"ticket\":\"ticket-2\"}")));
                });
        DingTalkFixture.await("first connection", () -> gateway.sessions.size() == 1);

        relay.freeze();
        // The SDK pings after the idle time (1 s), gives the pong 5 s, and its pool reopens within 5 s.
        DingTalkFixture.await("watchdog reconnect", Duration.ofSeconds(20), () -> gateway.sessions.size() == 2);
        assertThat(gateway.tickets).containsExactly("ticket-1", "ticket-2");

        gateway.sendRobotMessage(gateway.current(), "frame-late",
                dt.robotMessage("msg-w1", false, false, DingTalkFixture.WANG, "帮助"));
        awaitAnswer("frame-late");
        DingTalkFixture.await("answered", () -> dt.countTo("/session/ok") == 1);
    }

    @Test
    void cardClickThatIsNoVoteIsAcknowledgedAndAnsweredPrivatelyWithAHint() throws Exception {
        start(Duration.ofSeconds(60));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(okJson("{\"processQueryKey\":\"q\"}")));
        // A template whose button carries some other command: nothing runs, the clicker is told.
        String click = DingTalkJson.write(PollCardsTest.callback(DingTalkFixture.WANG, "poll-7",
                DingTalkJson.object().put("command", "我是谁")));
        gateway.send(gateway.current(), "CALLBACK", StreamClient.CARD_TOPIC, "card-1", click);

        awaitAnswer("card-1");
        DingTalkFixture.await("private answer", () -> dt.countTo("/v1.0/robot/oToMessages/batchSend") == 1);
        JsonNode sent = dt.bodiesSentTo("/v1.0/robot/oToMessages/batchSend").get(0);
        assertThat(sent.path("userIds").get(0).asString()).isEqualTo(DingTalkFixture.WANG);
        assertThat(DingTalkJson.read(sent.path("msgParam").asString()).path("content").asString())
                .contains("不是有效的投票选项").doesNotContain("王芳");
    }

    @Test
    void cardButtonClickOnTheStreamIsOneVoteThroughTheEngine() throws Exception {
        start(Duration.ofSeconds(60));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(okJson("{\"processQueryKey\":\"q\"}")));
        var chair = dt.harness.members.findByStaffNo("C000").orElseThrow();
        var poll = dt.polls.open(new org.unionbot.core.poll.PollDraft("午餐满意度", org.unionbot.core.poll.PollKind.SINGLE,
                List.of("满意", "不满意"), 1, 0, org.unionbot.core.poll.Electorate.all(), false, false,
                org.unionbot.core.poll.Visibility.AFTER_CLOSE, dt.harness.clock.instant().plus(Duration.ofDays(1)),
                null, null), chair);
        String click = DingTalkJson.write(PollCardsTest.click(DingTalkFixture.WANG, "unionbot-poll-" + poll.id() + "-g-x",
                String.valueOf(poll.id()), "1"));
        gateway.send(gateway.current(), "CALLBACK", StreamClient.CARD_TOPIC, "card-v1", click);
        // DingTalk did not get the ack in time and sends the same click again.
        gateway.send(gateway.current(), "CALLBACK", StreamClient.CARD_TOPIC, "card-v2", click);

        assertThat(awaitAnswer("card-v1").path("code").asInt()).isEqualTo(200);
        assertThat(awaitAnswer("card-v2").path("code").asInt()).isEqualTo(200);
        DingTalkFixture.await("vote answer", () -> dt.countTo("/v1.0/robot/oToMessages/batchSend") == 1);
        dt.settle();
        assertThat(dt.countTo("/v1.0/robot/oToMessages/batchSend")).isEqualTo(1);
        assertThat(DingTalkJson.read(dt.bodiesSentTo("/v1.0/robot/oToMessages/batchSend").get(0)
                .path("msgParam").asString()).path("content").asString()).contains("已记录您在「午餐满意度」中的投票：1.满意");
        assertThat(dt.polls.result(poll.id()).voted()).isEqualTo(1);
    }

    @Test
    void gatewayThatCannotBeReachedIsRetried() throws Exception {
        gateway = new FakeStreamGateway();
        var app = DingTalkSettings.App.of(DingTalkFixture.APP_KEY, DingTalkFixture.APP_SECRET,
                DingTalkFixture.ROBOT_CODE, DingTalkSettings.Mode.STREAM);
        dt = new DingTalkFixture(List.of(app), List.of(), GroupRobotSender.Limits.DINGTALK, Duration.ofMinutes(5),
                Duration.ofSeconds(1), List.of(), server -> {
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("t")
                            .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
                    server.stubFor(post(urlEqualTo("/v1.0/gateway/connections/open")).inScenario("t")
                            .whenScenarioStateIs("up")
                            .willReturn(okJson("{\"endpoint\":\"" + gateway.endpoint() + "\",\"ticket\":\"ticket-ok\"}")));
                });
        DingTalkFixture.await("connection after a failed open", Duration.ofSeconds(15), () -> gateway.sessions.size() == 1);
        assertThat(gateway.tickets).containsExactly("ticket-ok");
    }
}
