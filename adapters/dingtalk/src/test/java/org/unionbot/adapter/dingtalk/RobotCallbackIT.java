package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import tools.jackson.databind.JsonNode;

/** HTTP-mode robot callbacks through the controller, a real engine and WireMock as DingTalk. */
class RobotCallbackIT {
    private final DingTalkFixture dt = DingTalkFixture.httpMode();
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new RobotCallbackController(dt.parts, dt.receivers.inbound)).build();

    @AfterEach
    void close() {
        dt.close();
    }

    private void callback(String body, long timestamp, String sign, ResultMatcher expected) throws Exception {
        var request = post("/callback/dingtalk/robot/" + DingTalkFixture.APP_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8))
                .header("timestamp", Long.toString(timestamp));
        if (sign != null) {
            request.header("sign", sign);
        }
        mvc.perform(request).andExpect(expected);
    }

    private void signed(String body) throws Exception {
        long now = System.currentTimeMillis();
        callback(body, now, RobotSignatures.base64(now, DingTalkFixture.APP_SECRET), status().isOk());
    }

    private JsonNode awaitWebhookPost(int count) {
        DingTalkFixture.await("session webhook post #" + count, () -> dt.countTo("/session/ok") >= count);
        return dt.bodiesSentTo("/session/ok").get(count - 1);
    }

    @Test
    void privateMessageIsAnsweredThroughTheSessionWebhookWithoutMention() throws Exception {
        signed(dt.robotMessage("msg-1", false, false, DingTalkFixture.WANG, "我是谁"));

        JsonNode sent = awaitWebhookPost(1);
        assertThat(sent.path("msgtype").asString()).isEqualTo("text");
        assertThat(sent.path("text").path("content").asString()).contains("王芳").contains("T001");
        assertThat(sent.path("at").path("atUserIds")).isEmpty();
        assertThat(dt.wireMock.findAll(WireMock
                .postRequestedFor(urlPathEqualTo("/session/ok"))).get(0).getHeader("Content-Type"))
                .startsWith("application/json");
    }

    @Test
    void groupMessageMentioningTheRobotIsAnsweredWithAMentionThatArrives() throws Exception {
        signed(dt.robotMessage("msg-2", true, true, DingTalkFixture.ZHAO, "帮助"));

        JsonNode sent = awaitWebhookPost(1);
        // DingTalk shows the mention only with the id both in atUserIds and written as @id in the text.
        assertThat(sent.path("at").path("atUserIds").get(0).asString()).isEqualTo(DingTalkFixture.ZHAO);
        assertThat(sent.path("at").path("isAtAll").asBoolean()).isFalse();
        assertThat(sent.path("text").path("content").asString())
                .startsWith("@" + DingTalkFixture.ZHAO + " ").contains("我能帮您做这些事");
    }

    @Test
    void groupMessageWithoutMentionGetsNoAnswerAndDoesNotReachTheEngine() throws Exception {
        signed(dt.robotMessage("msg-3", true, false, DingTalkFixture.ZHAO, "帮助"));
        dt.settle();
        assertThat(dt.countTo("/session/ok")).isZero();

        // The same msgId, now addressed to the robot, is answered: the ignored one was never recorded.
        signed(dt.robotMessage("msg-3", true, true, DingTalkFixture.ZHAO, "帮助"));
        awaitWebhookPost(1);
    }

    @Test
    void personalDataAskedInAGroupIsNotShownThere() throws Exception {
        signed(dt.robotMessage("msg-4", true, true, DingTalkFixture.WANG, "我是谁"));

        String text = awaitWebhookPost(1).path("text").path("content").asString();
        assertThat(text).contains("私聊").doesNotContain("T001").doesNotContain("王芳");
    }

    @Test
    void redeliveredMessageIsAnsweredOnce() throws Exception {
        String body = dt.robotMessage("msg-5", false, false, DingTalkFixture.WANG, "帮助");
        signed(body);
        signed(body);
        signed(body);
        awaitWebhookPost(1);
        dt.settle();
        assertThat(dt.countTo("/session/ok")).isEqualTo(1);
    }

    @Test
    void forgedSignIsRefusedBeforeTheEngine() throws Exception {
        String body = dt.robotMessage("msg-6", false, false, DingTalkFixture.WANG, "帮助");
        long now = System.currentTimeMillis();
        callback(body, now, RobotSignatures.base64(now, "another app's secret"), status().isForbidden());
        callback(body, now, null, status().isForbidden());
        // Signed for another timestamp than the header says.
        callback(body, now, RobotSignatures.base64(now - 1, DingTalkFixture.APP_SECRET), status().isForbidden());
        dt.settle();
        assertThat(dt.countTo("/session/ok")).isZero();

        signed(body);
        awaitWebhookPost(1);
    }

    @Test
    void staleOrFutureTimestampIsRefusedEvenWhenSigned() throws Exception {
        String body = dt.robotMessage("msg-7", false, false, DingTalkFixture.WANG, "帮助");
        long stale = System.currentTimeMillis() - 61 * 60_000L;
        long future = System.currentTimeMillis() + 61 * 60_000L;
        callback(body, stale, RobotSignatures.base64(stale, DingTalkFixture.APP_SECRET), status().isForbidden());
        callback(body, future, RobotSignatures.base64(future, DingTalkFixture.APP_SECRET), status().isForbidden());
        dt.settle();
        assertThat(dt.countTo("/session/ok")).isZero();
    }

    @Test
    void unknownAppAndMalformedBodyAreRefused() throws Exception {
        long now = System.currentTimeMillis();
        mvc.perform(post("/callback/dingtalk/robot/unknown").contentType(MediaType.APPLICATION_JSON).content("{}")
                .header("timestamp", Long.toString(now)).header("sign", RobotSignatures.base64(now, "x")))
                .andExpect(status().isNotFound());
        callback("not json", now, RobotSignatures.base64(now, DingTalkFixture.APP_SECRET), status().isBadRequest());
    }

    @Test
    void expiredSessionWebhookFallsBackToTheOpenApiPrivateSend() throws Exception {
        dt.wireMock.stubFor(WireMock.post(urlPathEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"processQueryKey\":\"q1\",\"invalidStaffIdList\":[],"
                                + "\"flowControlledStaffIdList\":[]}")));
        signed(dt.robotMessage("msg-8", false, false, DingTalkFixture.WANG, "帮助", dt.sessionWebhook(),
                System.currentTimeMillis() - 1000));

        DingTalkFixture.await("batchSend", () -> dt.countTo("/v1.0/robot/oToMessages/batchSend") == 1);
        assertThat(dt.countTo("/session/ok")).isZero();
        JsonNode sent = dt.bodiesSentTo("/v1.0/robot/oToMessages/batchSend").get(0);
        assertThat(sent.path("robotCode").asString()).isEqualTo(DingTalkFixture.ROBOT_CODE);
        assertThat(sent.path("userIds").get(0).asString()).isEqualTo(DingTalkFixture.WANG);
        assertThat(sent.path("msgKey").asString()).isEqualTo("sampleText");
        assertThat(DingTalkJson.read(sent.path("msgParam").asString()).path("content").asString())
                .contains("我能帮您做这些事");
        var logged = dt.wireMock.findAll(WireMock
                .postRequestedFor(urlPathEqualTo("/v1.0/robot/oToMessages/batchSend"))).get(0);
        assertThat(logged.getHeader("x-acs-dingtalk-access-token")).isEqualTo("tok-1");
    }

    @Test
    void failingSessionWebhookFallsBackToTheGroupOpenApi() throws Exception {
        dt.wireMock.stubFor(WireMock.post(urlPathEqualTo("/session/broken"))
                .willReturn(aResponse().withStatus(200).withBody("{\"errcode\":300001,\"errmsg\":\"session expired\"}")));
        dt.wireMock.stubFor(WireMock.post(urlPathEqualTo("/v1.0/robot/groupMessages/send"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"processQueryKey\":\"q2\"}")));
        signed(dt.robotMessage("msg-9", true, true, DingTalkFixture.ZHAO, "帮助",
                dt.wireMock.baseUrl() + "/session/broken", System.currentTimeMillis() + 60_000));

        DingTalkFixture.await("group send", () -> dt.countTo("/v1.0/robot/groupMessages/send") == 1);
        JsonNode sent = dt.bodiesSentTo("/v1.0/robot/groupMessages/send").get(0);
        assertThat(sent.path("openConversationId").asString()).isEqualTo("cidGroup001==");
        assertThat(sent.path("robotCode").asString()).isEqualTo(DingTalkFixture.ROBOT_CODE);
        assertThat(sent.path("msgKey").asString()).isEqualTo("sampleText");
    }
}
