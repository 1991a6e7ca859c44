package org.unionbot.adapter.wechat;

import org.unionbot.crypto.CallbackAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.unionbot.core.message.Reply;

/**
 * The 5-second rule with the engine's real default budget (4 s): a handler that takes longer makes the
 * callback answer {@code success} before WeChat's 5 s deadline, and the answer follows as a
 * customer-service message (WireMock checks the exact request). The retry WeChat would send runs nothing.
 */
class MpDeferredAnswerTest {
    @RegisterExtension
    static WireMockExtension wx = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** 查工资: answers only when the test releases it. */
    static final class SlowCommand implements Command {
        final CountDownLatch release = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        private final CommandSpec spec = new CommandSpec("查工资", List.of(), "查工资", "查询本月工资条（慢）",
                Privilege.MEMBER, Locality.PRIVATE);

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Reply execute(CommandContext context) {
            runs.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text(context.requireMember().name() + "老师，本月工资条已生成。");
        }
    }

    @Test
    void slowAnswerIsAcknowledgedWithinFiveSecondsAndFollowsAsCustomerServiceMessage() throws Exception {
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson("{\"access_token\":\"TK\",\"expires_in\":7200}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        SlowCommand slow = new SlowCommand();
        try (MpFixture fx = new MpFixture(URI.create(wx.baseUrl()), EngineSettings.defaults(), slow)) {
            String xml = MpFixture.textXml(MpFixture.WANG_OPENID, "查工资", 9001, fx.now());

            long start = System.nanoTime();
            var response = fx.postAes(xml, fx.now(), MpFixture.APP_ID);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response).isEqualTo(new CallbackAnswer(200, "success"));
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(3900)).isLessThan(Duration.ofSeconds(5));

            // WeChat's retry of the same MsgId while the first is still running: acknowledged, not run again.
            assertThat(fx.postAes(xml, fx.now(), MpFixture.APP_ID).body()).isEqualTo("success");

            slow.release.countDown();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                            .withQueryParam("access_token", equalTo("TK"))
                            .withRequestBody(matchingJsonPath("$.touser", equalTo(MpFixture.WANG_OPENID)))
                            .withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                            .withRequestBody(matchingJsonPath("$.text.content", equalTo("王芳老师，本月工资条已生成。")))));
            assertThat(slow.runs).hasValue(1);
        }
    }

    @Test
    void answerTooLongForAPassiveReplyIsAcknowledgedAndSentAsCustomerServiceMessage() throws Exception {
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson("{\"access_token\":\"TK\",\"expires_in\":7200}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String longText = "工会章程全文：" + "第一条 本会是学校教职工自愿结合的群众组织。".repeat(60); // > 2048 UTF-8 bytes
        Command charter = new Command() {
            private final CommandSpec spec = new CommandSpec("章程", List.of(), "章程", "工会章程", Privilege.PUBLIC, Locality.ANY);

            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Reply execute(CommandContext context) {
                return Reply.text(longText);
            }
        };
        try (MpFixture fx = new MpFixture(URI.create(wx.baseUrl()), EngineSettings.defaults(), charter)) {
            var response = fx.postAes(MpFixture.textXml(MpFixture.WANG_OPENID, "章程", 9100, fx.now()), fx.now(), MpFixture.APP_ID);

            assertThat(response).isEqualTo(new CallbackAnswer(200, "success"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                            .withRequestBody(matchingJsonPath("$.touser", equalTo(MpFixture.WANG_OPENID)))
                            .withRequestBody(matchingJsonPath("$.text.content", equalTo(longText)))));
        }
    }
}
