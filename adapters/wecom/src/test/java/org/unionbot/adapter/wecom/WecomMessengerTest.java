package org.unionbot.adapter.wecom;

import org.unionbot.crypto.CallbackAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.MutableClock;

/** WeCom gettoken and message/send, served by WireMock in the documented JSON. */
class WecomMessengerTest {
    @RegisterExtension
    static WireMockExtension wc = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String CORP = "wwcorp0000000001";
    private static final long AGENT = 1000002;
    private final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");

    private WecomMessenger messenger() {
        WecomSettings settings = new WecomSettings(List.of(new WecomSettings.Account(CORP, AGENT, "app-secret", "tok",
                "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C")), List.of(), URI.create(wc.baseUrl()), Duration.ofMinutes(5),
                Duration.ofMillis(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
        return new WecomMessenger(settings, new WecomClients(settings, clock), new MemberRateLimit(clock));
    }

    private static void tokenIs(String token) {
        wc.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}")));
    }

    private static void sendAnswers(String json) {
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(json)));
    }

    @Test
    void deferredAnswerIsATextAppMessageWithTheCachedToken() {
        tokenIs("CPTOKEN");
        sendAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"xyz\"}");
        WecomMessenger messenger = messenger();

        messenger.deliver(new Recipient(Platform.WECOM, Conversation.privateWith("WangFang"), "WangFang"), Reply.text("会费按月扣缴。"));
        messenger.deliver(new Recipient(Platform.WECOM, Conversation.privateWith("WangFang"), "WangFang"), Reply.text("二"));

        wc.verify(exactly(1), getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))
                .withQueryParam("corpid", equalTo(CORP)).withQueryParam("corpsecret", equalTo("app-secret")));
        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("CPTOKEN"))
                .withRequestBody(equalToJson("{\"touser\":\"WangFang\",\"msgtype\":\"text\",\"agentid\":1000002,"
                        + "\"text\":{\"content\":\"会费按月扣缴。\"}}")));
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheSendRetried() {
        wc.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"OLD\",\"expires_in\":7200}")).willSetStateTo("new"));
        wc.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("t").whenScenarioStateIs("new")
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"NEW\",\"expires_in\":7200}")));
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("OLD"))
                .willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("NEW"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        messenger().sendText(CORP, AGENT, List.of("WangFang"), "你好", false);

        wc.verify(exactly(2), getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        wc.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("NEW")));
    }

    @Test
    void aBusyAnswerIsRetriedWithTheDuplicateCheckOn() {
        tokenIs("T");
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")).willSetStateTo("ok"));
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).inScenario("b").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"errcode\":0}")));

        messenger().sendText(CORP, AGENT, List.of("WangFang", "LiMing"), "明天下午三点教代会", false);

        wc.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(equalToJson(
                "{\"touser\":\"WangFang|LiMing\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"明天下午三点教代会\"}}")));
        wc.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(equalToJson(
                "{\"touser\":\"WangFang|LiMing\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"明天下午三点教代会\"},"
                        + "\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}")));
    }

    @Test
    void markdownAndVoteCardFollowTheDocumentedShapes() {
        tokenIs("T");
        sendAnswers("{\"errcode\":0}");
        WecomMessenger messenger = messenger();

        messenger.sendMarkdown(CORP, AGENT, List.of("WangFang"), "**教代会**\n> 明天 15:00", true);
        messenger.sendVoteCard(CORP, AGENT, List.of("WangFang"), new WecomMessenger.VoteCard("春游地点", "每人一票", "poll-7-1",
                "q7", List.of(new WecomMessenger.VoteCard.Option("A", "植物园"), new WecomMessenger.VoteCard.Option("B", "湿地公园")),
                false, "提交", "投票 7"), true);

        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(equalToJson(
                "{\"touser\":\"WangFang\",\"msgtype\":\"markdown\",\"agentid\":1000002,\"markdown\":{\"content\":\"**教代会**\\n> 明天 15:00\"},"
                        + "\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}")));
        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(equalToJson(
                "{\"touser\":\"WangFang\",\"msgtype\":\"template_card\",\"agentid\":1000002,\"template_card\":{"
                        + "\"card_type\":\"vote_interaction\",\"main_title\":{\"title\":\"春游地点\",\"desc\":\"每人一票\"},"
                        + "\"task_id\":\"poll-7-1\",\"checkbox\":{\"question_key\":\"q7\",\"option_list\":["
                        + "{\"id\":\"A\",\"text\":\"植物园\",\"is_checked\":false},{\"id\":\"B\",\"text\":\"湿地公园\",\"is_checked\":false}],"
                        + "\"mode\":0},\"submit_button\":{\"text\":\"提交\",\"key\":\"投票 7\"}},"
                        + "\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}")));
    }

    @Test
    void perMemberLimitOf30AMinuteIsHonouredNotSilentlyExceeded() {
        tokenIs("T");
        sendAnswers("{\"errcode\":0}");
        WecomMessenger messenger = messenger();
        for (int i = 0; i < 30; i++) {
            messenger.sendText(CORP, AGENT, List.of("WangFang"), "提醒 " + i, false);
        }
        assertThatThrownBy(() -> messenger.sendText(CORP, AGENT, List.of("WangFang"), "第31条", false))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isTrue());
        messenger.sendText(CORP, AGENT, List.of("LiMing"), "别人不受影响", false);
        wc.verify(exactly(31), postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));

        clock.advance(Duration.ofSeconds(61));
        messenger.sendText(CORP, AGENT, List.of("WangFang"), "第31条", false);
        wc.verify(exactly(32), postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void perMemberLimitOf1000AnHourIsHonoured() {
        tokenIs("T");
        sendAnswers("{\"errcode\":0}");
        MemberRateLimit limit = new MemberRateLimit(clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limit.tryAcquire(List.of("WangFang"))).isZero();
            clock.advance(Duration.ofSeconds(3)); // 20 a minute: under the minute limit
        }
        assertThat(limit.tryAcquire(List.of("WangFang"))).isPositive();
    }

    @Test
    void invalidUserIsAPermanentFailure() {
        tokenIs("T");
        sendAnswers("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
        assertThatThrownBy(() -> messenger().sendText(CORP, AGENT, List.of("Nobody"), "x", false))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
    }

    /** A slow handler through the WeCom callback: acknowledged empty within 5 s, answered by message/send. */
    @Test
    void slowAnswerIsDeferredAndSentAsAppMessage() throws Exception {
        tokenIs("T");
        sendAnswers("{\"errcode\":0}");
        CountDownLatch release = new CountDownLatch(1);
        Command slow = new Command() {
            private final CommandSpec spec = new CommandSpec("查工资", List.of(), "查工资", "慢", Privilege.MEMBER, Locality.PRIVATE);

            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply execute(CommandContext context) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.text("工资条已生成。");
            }
        };
        try (WecomFixture fx = new WecomFixture(URI.create(wc.baseUrl()), EngineSettings.defaults(), slow)) {
            long start = System.nanoTime();
            var response = fx.post(WecomFixture.textXml(WecomFixture.WANG, "查工资", 777, fx.now(), WecomFixture.AGENT), fx.now(), WecomFixture.CORP);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(response).isEqualTo(new CallbackAnswer(200, ""));
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                    .withRequestBody(equalToJson("{\"touser\":\"WangFang\",\"msgtype\":\"text\",\"agentid\":1000002,"
                            + "\"text\":{\"content\":\"工资条已生成。\"}}"))));
        }
    }
}
