package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.Recipient;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Custom group robots (自定义机器人): signed URLs, the per-minute limit, back-off on 410100, nothing dropped.
 * The limit is scaled down (3 per second, 300 ms ban) so the test runs in seconds; the code path is the
 * one that runs with DingTalk's 20 per minute and 10-minute ban.
 */
class GroupRobotIT {
    static final String SECRET = "SEC0123456789abcdef";
    static final GroupRobotSender.Limits FAST = new GroupRobotSender.Limits(3, Duration.ofSeconds(1),
            Duration.ofMillis(300), Duration.ofMillis(50));

    private final DingTalkFixture dt = new DingTalkFixture(List.of(DingTalkFixture.httpApp()),
            List.of(new DingTalkSettings.GroupRobot("语文组", "robot-token-1", SECRET)), FAST, Duration.ofMinutes(5),
            Duration.ofSeconds(60));
    private final GroupRobotSender robot = dt.parts.groupRobots.get("语文组");

    @AfterEach
    void close() {
        dt.close();
    }

    private void notice(String text) {
        dt.parts.outbound.deliver(new Recipient(Platform.DINGTALK, Conversation.group("robot:语文组"), ""),
                Reply.text(text));
    }

    private List<LoggedRequest> sends() {
        return dt.wireMock.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
    }

    private List<String> sentTexts() {
        return sends().stream().map(r -> DingTalkJson.read(r.getBodyAsString()).path("text").path("content").asString())
                .toList();
    }

    @Test
    void noticeIsPostedWithTheTokenAndASignatureInTheUrl() {
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        notice("本周五下午工会活动");
        DingTalkFixture.await("robot send", () -> sends().size() == 1);

        LoggedRequest request = sends().get(0);
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("robot-token-1");
        long timestamp = Long.parseLong(request.queryParameter("timestamp").firstValue());
        assertThat(Math.abs(System.currentTimeMillis() - timestamp)).isLessThan(60_000);
        // The raw URL carries the URL-encoded Base64 (platforms.md pitfall 12).
        assertThat(request.getUrl()).contains("&sign=" + RobotSignatures.customRobotUrlSign(timestamp, SECRET));
        var body = DingTalkJson.read(request.getBodyAsString());
        assertThat(body.path("msgtype").asString()).isEqualTo("text");
        assertThat(body.path("text").path("content").asString()).isEqualTo("本周五下午工会活动");
    }

    @Test
    void noMoreThanTheLimitGoesOutInAnyWindowAndAllArriveInOrder() {
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        for (int i = 1; i <= 7; i++) {
            notice("通知" + i);
        }
        DingTalkFixture.await("7 sends", () -> sends().size() == 7);

        assertThat(sentTexts()).containsExactly("通知1", "通知2", "通知3", "通知4", "通知5", "通知6", "通知7");
        List<Long> times = sends().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        for (int i = 3; i < times.size(); i++) {
            // The 4th send is at least one window after the 1st, and so on.
            assertThat(times.get(i) - times.get(i - 3)).isGreaterThanOrEqualTo(990);
        }
    }

    @Test
    void aThrottledRobotPausesAndResendsTheSameMessageWithoutDroppingAny() {
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("ban")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lifted")
                .willReturn(okJson("{\"errcode\":410100,\"errmsg\":\"发送速度太快而限流\"}")));
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("ban").whenScenarioStateIs("lifted")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        notice("甲");
        notice("乙");
        notice("丙");
        DingTalkFixture.await("4 requests", () -> sends().size() == 4);

        assertThat(sentTexts()).containsExactly("甲", "甲", "乙", "丙");
        List<Long> times = sends().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(290);
        assertThat(robot.waiting()).isZero();
        assertThat(robot.undeliverable()).isEmpty();
    }

    @Test
    void busyAnswerIsRetriedAndAPermanentRefusalIsKeptAsideWithoutBlockingTheQueue() {
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("s")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refuse")
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}")));
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("s").whenScenarioStateIs("refuse")
                .willSetStateTo("ok").willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        dt.wireMock.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        notice("一");
        notice("二");
        DingTalkFixture.await("3 requests", () -> sends().size() == 3);

        assertThat(sentTexts()).containsExactly("一", "一", "二");
        DingTalkFixture.await("kept aside", () -> robot.undeliverable().size() == 1);
        assertThat(robot.undeliverable().get(0).path("text").path("content").asString()).isEqualTo("一");
    }

    @Test
    void unknownGroupRobotIsAFailedDelivery() {
        assertThatThrownBy(() -> dt.parts.outbound.deliver(
                new Recipient(Platform.DINGTALK, Conversation.group("robot:数学组"), ""), Reply.text("x")))
                .isInstanceOf(DeliveryException.class);
    }
}
