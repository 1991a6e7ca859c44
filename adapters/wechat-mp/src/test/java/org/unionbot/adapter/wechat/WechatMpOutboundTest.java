package org.unionbot.adapter.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.MutableClock;

/** Every OA API the adapter calls, served by WireMock on loopback in the platform's documented JSON. */
class WechatMpOutboundTest {
    @RegisterExtension
    static WireMockExtension wx = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String APP = "wx0000000000000001";
    private static final String STABLE_TOKEN_REQUEST =
            "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP + "\",\"secret\":\"s3cret\",\"force_refresh\":false}";

    private final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
    private MpContacts contacts;
    private WechatMpOutbound outbound;
    private MpClients clients;

    @BeforeEach
    void setUp() {
        WechatMpSettings settings = new WechatMpSettings(List.of(new WechatMpSettings.Account(APP, "s3cret", "tok3n", null,
                Map.of("notice", new WechatMpSettings.Template("TPL-notice-1", "thing1")))),
                URI.create(wx.baseUrl()), Duration.ofMinutes(5), Duration.ofMillis(20));
        contacts = new MpContacts(clock);
        clients = new MpClients(settings, clock);
        outbound = new WechatMpOutbound(settings, clients, contacts);
    }

    private static void tokenIs(String token) {
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"expires_in\":7200}")));
    }

    private static Recipient follower(String openId) {
        return new Recipient(Platform.WECHAT_MP, Conversation.privateWith(openId), openId);
    }

    @Test
    void customerServiceMessageUsesTheStableTokenOnceAndTheDocumentedBody() {
        tokenIs("TOKEN-A");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        contacts.sawMessage(APP, "oWang");

        outbound.deliver(follower("oWang"), Reply.text("您的问题：会费按月从工资中扣缴。"));
        outbound.deliver(follower("oWang"), Reply.text("第二条"));

        wx.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(STABLE_TOKEN_REQUEST)));
        wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", equalTo("TOKEN-A"))
                .withRequestBody(equalToJson("{\"touser\":\"oWang\",\"msgtype\":\"text\",\"text\":{\"content\":\"您的问题：会费按月从工资中扣缴。\"}}")));
        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void tokenIsRefetchedAfterItExpires() {
        tokenIs("TOKEN-A");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0}")));
        contacts.sawMessage(APP, "oWang");
        outbound.deliver(follower("oWang"), Reply.text("一"));
        clock.advance(Duration.ofSeconds(7200 - 199));
        outbound.deliver(follower("oWang"), Reply.text("二"));
        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")));
    }

    @Test
    void invalidCredential40001RefreshesTheTokenOnceAndRetries() {
        refusedOnceWith(40001);
    }

    @Test
    void expiredToken42001RefreshesTheTokenOnceAndRetries() {
        refusedOnceWith(42001);
    }

    private void refusedOnceWith(int errcode) {
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"OLD\",\"expires_in\":7200}")).willSetStateTo("refreshed"));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(okJson("{\"access_token\":\"NEW\",\"expires_in\":7200}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("OLD"))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"invalid credential\"}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("NEW"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        contacts.sawMessage(APP, "oWang");

        outbound.deliver(follower("oWang"), Reply.text("你好"));

        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")).withRequestBody(equalToJson(STABLE_TOKEN_REQUEST)));
        wx.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("OLD")));
        wx.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("NEW")));
    }

    @Test
    void aTokenRejectedTwiceIsReportedNotRetriedForever() {
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson("{\"access_token\":\"T\",\"expires_in\":7200}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid\"}")));
        contacts.sawMessage(APP, "oWang");

        assertThatThrownBy(() -> outbound.deliver(follower("oWang"), Reply.text("你好")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
        // first fetch; after the 40001 one more (never forced: a forced refresh would cut other instances short)
        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")).withRequestBody(equalToJson(STABLE_TOKEN_REQUEST)));
        wx.verify(exactly(0), postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")).withRequestBody(
                equalToJson(STABLE_TOKEN_REQUEST.replace("false", "true"))));
        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void systemBusyIsRetriedWithBackOff() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system error\"}")).willSetStateTo("ok"));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"errcode\":0}")));
        contacts.sawMessage(APP, "oWang");
        long start = System.nanoTime();

        outbound.deliver(follower("oWang"), Reply.text("你好"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        wx.verify(exactly(2), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void quotaExceededIsATransientFailure() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}")));
        contacts.sawMessage(APP, "oWang");
        assertThatThrownBy(() -> outbound.deliver(follower("oWang"), Reply.text("你好")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isTrue());
    }

    @Test
    void outsideThe48HourWindowTheNoticeTemplateIsUsed() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
        contacts.sawMessage(APP, "oWang");
        clock.advance(Duration.ofHours(49));

        outbound.deliver(follower("oWang"), Reply.text("提醒：明天下午教代会"));

        wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send")).withQueryParam("access_token", equalTo("T"))
                .withRequestBody(equalToJson("{\"touser\":\"oWang\",\"template_id\":\"TPL-notice-1\",\"data\":{\"thing1\":{\"value\":\"提醒：明天下午教代会\"}}}")));
        wx.verify(exactly(0), postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void customerServiceRefusedOutOfWindowFallsBackToTheTemplate() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228333}")));
        contacts.sawMessage(APP, "oWang");

        outbound.deliver(follower("oWang"), Reply.text("投票结果已公布"));

        wx.verify(exactly(1), postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send")));
    }

    @Test
    void withoutTemplateAFollowerOutsideTheWindowIsReportedUnreachable() {
        WechatMpSettings bare = new WechatMpSettings(List.of(new WechatMpSettings.Account(APP, "s3cret", "tok3n", null)),
                URI.create(wx.baseUrl()));
        WechatMpOutbound noTemplate = new WechatMpOutbound(bare, new MpClients(bare, clock), contacts);
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));

        assertThatThrownBy(() -> noTemplate.deliver(follower("oUnknown"), Reply.text("你好")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
    }

    @Test
    void templateMessageCarriesAllFieldsAndTheUrl() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228334}")));

        outbound.sendTemplate(APP, "oWang", "TPL-poll", Map.of("thing1", "春游地点投票", "time2", "2026-09-05 17:00"),
                "https://union.example.edu.cn/h5/poll/7");

        wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send")).withRequestBody(equalToJson(
                "{\"touser\":\"oWang\",\"template_id\":\"TPL-poll\",\"url\":\"https://union.example.edu.cn/h5/poll/7\","
                        + "\"data\":{\"thing1\":{\"value\":\"春游地点投票\"},\"time2\":{\"value\":\"2026-09-05 17:00\"}}}")));
    }

    @Test
    void httpFailureIsTransient() {
        tokenIs("T");
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(aResponse().withStatus(502)));
        contacts.sawMessage(APP, "oWang");
        assertThatThrownBy(() -> outbound.deliver(follower("oWang"), Reply.text("你好")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isTrue());
    }
}
