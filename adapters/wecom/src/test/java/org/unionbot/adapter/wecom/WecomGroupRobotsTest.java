package org.unionbot.adapter.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionbot.core.testing.MutableClock;

/** Group robot webhooks, served by WireMock: exact bodies, 20 per window with queuing, back-off, never dropping. */
class WecomGroupRobotsTest {
    @RegisterExtension
    static WireMockExtension wc = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private WecomGroupRobots robots;

    private WecomGroupRobots robots(Duration window, Duration backoff) {
        WecomSettings settings = new WecomSettings(List.of(),
                List.of(new WecomSettings.GroupRobot("全体教师群", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")),
                URI.create(wc.baseUrl()), Duration.ofMinutes(5), Duration.ofMillis(10), window, backoff);
        robots = new WecomGroupRobots(settings, new WecomClients(settings, MutableClock.shanghai("2026-09-01T01:00:00Z")));
        return robots;
    }

    @AfterEach
    void stop() {
        if (robots != null) {
            robots.close();
        }
    }

    @Test
    void textWithMentionsAndMarkdownUseTheDocumentedBodies() throws Exception {
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        WecomGroupRobots r = robots(Duration.ofSeconds(60), Duration.ofMillis(50));

        r.sendText("全体教师群", "明天下午三点教代会，请准时参加。", List.of("WangFang", "@all"), List.of("13800001111")).get(5, TimeUnit.SECONDS);
        r.sendMarkdown("全体教师群", "## 投票结果\n> 植物园 <font color=\"info\">32 票</font>").get(5, TimeUnit.SECONDS);

        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
                .withRequestBody(equalToJson("{\"msgtype\":\"text\",\"text\":{\"content\":\"明天下午三点教代会，请准时参加。\","
                        + "\"mentioned_list\":[\"WangFang\",\"@all\"],\"mentioned_mobile_list\":[\"13800001111\"]}}")));
        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withRequestBody(equalToJson(
                "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"## 投票结果\\n> 植物园 <font color=\\\"info\\\">32 票</font>\"}}")));
    }

    @Test
    void theMessengerPostsGroupConversationsThroughTheNamedRobot() throws Exception {
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        WecomGroupRobots r = robots(Duration.ofSeconds(60), Duration.ofMillis(50));
        WecomSettings settings = new WecomSettings(List.of(), List.of(), URI.create(wc.baseUrl()), Duration.ofMinutes(5),
                Duration.ofMillis(10), Duration.ofSeconds(60), Duration.ofMillis(50));
        WecomMessenger messenger = new WecomMessenger(settings,
                new WecomClients(settings, MutableClock.shanghai("2026-09-01T01:00:00Z")),
                new MemberRateLimit(MutableClock.shanghai("2026-09-01T01:00:00Z")), r);
        messenger.deliver(new org.unionbot.core.outbound.Recipient(org.unionbot.core.message.Platform.WECOM,
                org.unionbot.core.message.Conversation.group("robot:全体教师群"), "robot:全体教师群"),
                org.unionbot.core.message.Reply.text("【工会投票】#1「春游」"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wc.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20); // the robot's queue sends on its own thread
        }
        wc.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
                .withRequestBody(equalToJson("{\"msgtype\":\"text\",\"text\":{\"content\":\"【工会投票】#1「春游」\","
                        + "\"mentioned_list\":[],\"mentioned_mobile_list\":[]}}")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messenger.deliver(new org.unionbot.core.outbound.Recipient(
                org.unionbot.core.message.Platform.WECOM, org.unionbot.core.message.Conversation.group("robot:没有的群"),
                "robot:没有的群"), org.unionbot.core.message.Reply.text("x")))
                .isInstanceOf(org.unionbot.core.outbound.DeliveryException.class);
    }

    @Test
    void theTwentyFirstMessageWaitsForTheWindowAndNothingIsDropped() throws Exception {
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0}")));
        Duration window = Duration.ofMillis(1500);
        WecomGroupRobots r = robots(window, Duration.ofMillis(50));
        long start = System.nanoTime();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        List<Long> doneAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 25; i++) {
            CompletableFuture<Void> f = r.sendText("全体教师群", "通知 " + i, List.of(), List.of());
            f.thenRun(() -> doneAt.add(System.nanoTime() - start));
            sends.add(f);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        wc.verify(exactly(25), postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")));
        assertThat(doneAt.stream().sorted().toList().get(20)).isGreaterThanOrEqualTo(window.toNanos());
        assertThat(doneAt.stream().sorted().toList().get(19)).isLessThan(window.toNanos());
    }

    @Test
    void aRefusedSendBacksOffAndIsRetriedNotDropped() throws Exception {
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")).willSetStateTo("ok"));
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"errcode\":0}")));
        Duration backoff = Duration.ofMillis(400);
        WecomGroupRobots r = robots(Duration.ofSeconds(60), backoff);
        long start = System.nanoTime();

        r.sendText("全体教师群", "重要通知", List.of(), List.of()).get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(backoff);
        wc.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withRequestBody(equalToJson("{\"msgtype\":\"text\",\"text\":{\"content\":\"重要通知\",\"mentioned_list\":[],\"mentioned_mobile_list\":[]}}")));
    }

    @Test
    void longTextIsSplitOnLinesWithinTheByteLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("第").append(i).append("位老师：已报名\n");
        }
        List<String> parts = WecomGroupRobots.split(text.toString(), WecomGroupRobots.TEXT_MAX_BYTES);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
        assertThat(String.join("\n", parts)).isEqualTo(text.toString());
    }
}
