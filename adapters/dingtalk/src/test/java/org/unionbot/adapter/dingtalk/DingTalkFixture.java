package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * A DingTalk adapter over a REAL engine ({@link ConversationHarness}, the small school) with every DingTalk
 * host served by WireMock on loopback.
 */
final class DingTalkFixture implements AutoCloseable {
    static final String APP_KEY = "dingappkey001";
    static final String APP_SECRET = "this is a secret";
    static final String ROBOT_CODE = "dingrobot001";
    /** 王芳 (t001) on DingTalk. */
    static final String WANG = "452523285939877041";
    /** 赵丽 (t002) on DingTalk. */
    static final String ZHAO = "452523285939877042";

    final WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final ConversationHarness harness = ConversationHarness.create();
    final DingTalkSettings settings;
    final DingTalkConfiguration.DingTalkParts parts;
    final DingTalkConfiguration.DingTalkReceivers receivers;
    /** Polls over the harness's members, as the app has them (the repository in memory). */
    final org.unionbot.core.poll.InMemoryPollRepository pollRepository = new org.unionbot.core.poll.InMemoryPollRepository();
    final org.unionbot.core.poll.PollService polls;
    final DingTalkPollCards pollCards;

    DingTalkFixture(List<DingTalkSettings.App> apps, List<DingTalkSettings.GroupRobot> robots,
                    GroupRobotSender.Limits limits, Duration maxClockSkew, Duration silenceLimit) {
        this(apps, robots, limits, maxClockSkew, silenceLimit, List.of(), server -> { });
    }

    /** With extra commands for the engine and a hook that runs before the receivers (and Stream) start. */
    DingTalkFixture(List<DingTalkSettings.App> apps, List<DingTalkSettings.GroupRobot> robots,
                    GroupRobotSender.Limits limits, Duration maxClockSkew, Duration silenceLimit,
                    List<org.unionbot.core.command.Command> commands,
                    java.util.function.Consumer<WireMockServer> beforeStart) {
        this(apps, robots, limits, maxClockSkew, silenceLimit, commands, beforeStart, null);
    }

    /** As above, with interactive cards for polls configured ({@code null}: ActionCards). */
    DingTalkFixture(List<DingTalkSettings.App> apps, List<DingTalkSettings.GroupRobot> robots,
                    GroupRobotSender.Limits limits, Duration maxClockSkew, Duration silenceLimit,
                    List<org.unionbot.core.command.Command> commands,
                    java.util.function.Consumer<WireMockServer> beforeStart, DingTalkSettings.Cards cards) {
        wireMock.start();
        beforeStart.accept(wireMock);
        URI base = URI.create(wireMock.baseUrl());
        settings = new DingTalkSettings(apps, robots, base, base, maxClockSkew, silenceLimit, null, cards);
        parts = new DingTalkConfiguration.DingTalkParts(settings, Clock.systemUTC(), limits, 3, Duration.ofMillis(20));
        polls = new org.unionbot.core.poll.PollService(pollRepository, harness.members,
                new org.unionbot.core.testing.RecordingTaskScheduler(), harness.outbound, harness.messages, harness.clock);
        pollCards = new DingTalkPollCards(settings, parts.api, polls,
                (poll, memberId) -> "https://union.example.edu/poll/vote?t=signed-" + memberId + "-" + poll.id());
        harness.withCommands(commands.toArray(org.unionbot.core.command.Command[]::new));
        harness.withCommands(new org.unionbot.core.poll.VoteCommand(polls, List.of()),
                new PollCardCommand(pollCards, settings, parts.webhooks));
        Roster.smallSchool(harness.withOutbound(parts.outbound));
        bind("t001", WANG);
        bind("t002", ZHAO);
        wireMock.stubFor(post(urlEqualTo("/v1.0/oauth2/accessToken"))
                .willReturn(okJson("{\"accessToken\":\"tok-1\",\"expireIn\":7200}")));
        wireMock.stubFor(post(urlPathEqualTo("/session/ok")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        receivers = new DingTalkConfiguration.DingTalkReceivers(parts, harness.engine(), pollCards);
    }

    static DingTalkFixture httpMode() {
        return new DingTalkFixture(List.of(httpApp()), List.of(), GroupRobotSender.Limits.DINGTALK,
                Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    static DingTalkSettings.App httpApp() {
        return DingTalkSettings.App.of(APP_KEY, APP_SECRET, ROBOT_CODE, DingTalkSettings.Mode.HTTP);
    }

    void bind(String webUser, String dingTalkUser) {
        long id = harness.members.findByIdentity(Platform.WEB, webUser).orElseThrow().id();
        harness.members.bindIdentity(new PlatformIdentity(Platform.DINGTALK, dingTalkUser, id));
    }

    String sessionWebhook() {
        return wireMock.baseUrl() + "/session/ok?session=abc";
    }

    /** A robot message as DingTalk sends it (platforms.md §3.2); the webhook valid for 90 minutes. */
    String robotMessage(String msgId, boolean group, boolean mentioned, String staffId, String text) {
        return robotMessage(msgId, group, mentioned, staffId, text, sessionWebhook(),
                System.currentTimeMillis() + 90 * 60_000L);
    }

    String robotMessage(String msgId, boolean group, boolean mentioned, String staffId, String text,
                        String webhook, long webhookExpires) {
        var body = DingTalkJson.object()
                .put("conversationId", group ? "cidGroup001==" : "cidPrivate001==")
                .put("chatbotCorpId", "dingcorp").put("chatbotUserId", "$:LWCP_v1:$bot")
                .put("msgId", msgId).put("senderNick", "老师").put("isAdmin", false)
                .put("senderStaffId", staffId).put("sessionWebhookExpiredTime", webhookExpires)
                .put("createAt", System.currentTimeMillis()).put("senderCorpId", "dingcorp")
                .put("conversationType", group ? "2" : "1").put("senderId", "$:LWCP_v1:$sender")
                .put("isInAtList", mentioned).put("sessionWebhook", webhook)
                .put("robotCode", ROBOT_CODE).put("msgtype", "text");
        if (group) {
            body.put("conversationTitle", "语文组");
            body.putArray("atUsers").addObject().put("dingtalkId", "$:LWCP_v1:$bot");
        }
        body.putObject("text").put("content", " " + text);
        return DingTalkJson.write(body);
    }

    List<JsonNode> bodiesSentTo(String path) {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(LoggedRequest::getBodyAsString).map(DingTalkJson::read).toList();
    }

    int countTo(String path) {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits long enough for queued work to have run, for asserting that something did NOT happen. */
    void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        receivers.close();
        parts.close();
        harness.close();
        wireMock.stop();
    }
}
