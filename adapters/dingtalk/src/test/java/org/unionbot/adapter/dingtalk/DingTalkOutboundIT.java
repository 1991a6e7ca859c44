package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

/** Deferred answers and reminders through {@link DingTalkOutbound}: OpenAPI with its token, work notices. */
class DingTalkOutboundIT {
    private DingTalkFixture dt = DingTalkFixture.httpMode();

    @AfterEach
    void close() {
        dt.close();
    }

    private static Recipient privateTo(String userId) {
        return new Recipient(Platform.DINGTALK, Conversation.privateWith(userId), userId);
    }

    private void stubBatchSend(String answer) {
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));
    }

    @Test
    void privateSendAsksForTheTokenOnceAndSendsTheDocumentedJson() {
        stubBatchSend("{\"processQueryKey\":\"q\",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[]}");

        dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("明天下午三点开会"));
        dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("别忘了带笔"));

        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/oauth2/accessToken"))
                .withRequestBody(equalToJson("{\"appKey\":\"dingappkey001\",\"appSecret\":\"this is a secret\"}")));
        dt.wireMock.verify(postRequestedFor(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"robotCode\":\"dingrobot001\",\"msgKey\":\"sampleText\","
                        + "\"msgParam\":\"{\\\"content\\\":\\\"明天下午三点开会\\\"}\","
                        + "\"userIds\":[\"" + DingTalkFixture.WANG + "\"]}")));
        assertThat(dt.countTo("/v1.0/robot/oToMessages/batchSend")).isEqualTo(2);
    }

    @Test
    void rejectedTokenIsReplacedOnceAndTheSendRetried() {
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/oauth2/accessToken")).inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(okJson("{\"accessToken\":\"tok-old\",\"expireIn\":7200}")));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/oauth2/accessToken")).inScenario("token")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"accessToken\":\"tok-1\",\"expireIn\":7200}")));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"InvalidAuthentication\",\"message\":\"不合法的access_token\"}")));
        stubBatchSend("{\"processQueryKey\":\"q\"}");

        dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("提醒"));

        dt.wireMock.verify(2, postRequestedFor(urlEqualTo("/v1.0/oauth2/accessToken")));
        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1")));
    }

    @Test
    void unreachedUsersAndServerErrorsAreFailedDeliveries() {
        stubBatchSend("{\"processQueryKey\":\"q\",\"invalidStaffIdList\":[\"" + DingTalkFixture.WANG + "\"]}");
        assertThatThrownBy(() -> dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("x")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("invalidStaffIdList")
                .matches(e -> !((DeliveryException) e).transientFailure());

        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));
        assertThatThrownBy(() -> dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("x")))
                .isInstanceOf(DeliveryException.class)
                .matches(e -> ((DeliveryException) e).transientFailure());

        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"invalidParameter.robotCode\",\"message\":\"robot 不存在\"}")));
        assertThatThrownBy(() -> dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("x")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("400")
                .matches(e -> !((DeliveryException) e).transientFailure());
    }

    @Test
    void groupSendWithoutSessionUsesGroupMessagesSend() {
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/groupMessages/send"))
                .willReturn(okJson("{\"processQueryKey\":\"g\"}")));

        dt.parts.outbound.deliver(new Recipient(Platform.DINGTALK, Conversation.group("cidGroup9=="), ""),
                Reply.text("投票结果已公布"));

        dt.wireMock.verify(postRequestedFor(urlEqualTo("/v1.0/robot/groupMessages/send"))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"msgParam\":\"{\\\"content\\\":\\\"投票结果已公布\\\"}\","
                        + "\"msgKey\":\"sampleText\",\"openConversationId\":\"cidGroup9==\","
                        + "\"robotCode\":\"dingrobot001\"}")));
    }

    private void useWorkNotices() {
        dt.close();
        var app = new DingTalkSettings.App(DingTalkFixture.APP_KEY, DingTalkFixture.APP_SECRET,
                DingTalkFixture.ROBOT_CODE, "http", null, null, 3_000_111L);
        dt = new DingTalkFixture(List.of(app), List.of(), GroupRobotSender.Limits.DINGTALK, Duration.ofMinutes(5),
                Duration.ofSeconds(60));
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withQueryParam("access_token", equalTo("tok-1"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"r\"}")));
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/getsendprogress"))
                .inScenario("progress").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(okJson("{\"errcode\":0,\"progress\":{\"progress_in_percent\":50,\"status\":1}}")));
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/getsendprogress"))
                .inScenario("progress").whenScenarioStateIs("done")
                .willReturn(okJson("{\"errcode\":0,\"progress\":{\"progress_in_percent\":100,\"status\":2}}")));
    }

    @Test
    void workNoticeIsConfirmedThroughTheSendResult() {
        useWorkNotices();
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/getsendresult"))
                .willReturn(okJson("{\"errcode\":0,\"send_result\":{\"invalid_user_id_list\":[],"
                        + "\"forbidden_user_id_list\":[],\"failed_user_id_list\":[],\"read_user_id_list\":[],"
                        + "\"unread_user_id_list\":[\"" + DingTalkFixture.WANG + "\"],\"forbidden_list\":[]}}")));

        dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("周五体检提醒"));

        dt.wireMock.verify(postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withRequestBody(equalToJson("{\"agent_id\":3000111,\"userid_list\":\"" + DingTalkFixture.WANG
                        + "\",\"msg\":{\"msgtype\":\"text\",\"text\":{\"content\":\"周五体检提醒\"}}}")));
        dt.wireMock.verify(2, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/getsendprogress"))
                .withRequestBody(equalToJson("{\"agent_id\":3000111,\"task_id\":256271667526}")));
        dt.wireMock.verify(postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/getsendresult"))
                .withRequestBody(equalToJson("{\"agent_id\":3000111,\"task_id\":256271667526}")));
    }

    @Test
    void workNoticeThatDingTalkAcceptedButDroppedIsAFailedDelivery() {
        useWorkNotices();
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/getsendresult"))
                .willReturn(okJson("{\"errcode\":0,\"send_result\":{\"forbidden_user_id_list\":[\""
                        + DingTalkFixture.WANG + "\"],\"forbidden_list\":[{\"code\":\"143106\",\"count\":1,"
                        + "\"userid\":\"" + DingTalkFixture.WANG + "\"}]}}")));

        assertThatThrownBy(() -> dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("周五体检提醒")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("forbidden");
    }

    @Test
    void workNoticeErrcodeIsAFailedDelivery() {
        useWorkNotices();
        dt.wireMock.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .willReturn(okJson("{\"errcode\":88,\"errmsg\":\"agent_id invalid\"}")));

        assertThatThrownBy(() -> dt.parts.outbound.deliver(privateTo(DingTalkFixture.WANG), Reply.text("x")))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("errcode 88");
    }
}
