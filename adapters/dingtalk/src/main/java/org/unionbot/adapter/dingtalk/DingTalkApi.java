package org.unionbot.adapter.dingtalk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.unionbot.core.outbound.DeliveryException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DingTalk's HTTP APIs. The new-host OpenAPI (access token, robot sends, interactive cards) goes through
 * DingTalk's Tea SDK ({@code com.aliyun:dingtalk}, {@link OpenApiClients}), pointed at
 * {@code unionbot.dingtalk.api-base-url}; session webhooks, custom group robots and work notices are
 * old-host ({@code oapi}) calls the SDK does not cover, made with the JDK client against the documented
 * JSON (platforms.md §3.1, §3.4, §4). Every host is configurable, so tests serve them with WireMock.
 *
 * <p>The access token is cached per app: DingTalk returns the same token while it is valid, so asking per
 * request would only burn the per-API quota. A token rejected as invalid is dropped and asked for once more.
 */
final class DingTalkApi {
    private static final System.Logger LOG = System.getLogger(DingTalkApi.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private final DingTalkSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final OpenApiClients sdk;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    DingTalkApi(DingTalkSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.sdk = new OpenApiClients(settings.apiBaseUrl(), TIMEOUT);
    }

    private record Token(String value, Instant expires) {
    }

    /** The app's access token, from the cache while it has more than five minutes left. */
    String accessToken(DingTalkSettings.App app) {
        Token cached = tokens.get(app.appKey());
        if (cached != null && clock.instant().isBefore(cached.expires().minus(TOKEN_MARGIN))) {
            return cached.value();
        }
        synchronized (tokens) {
            cached = tokens.get(app.appKey());
            if (cached != null && clock.instant().isBefore(cached.expires().minus(TOKEN_MARGIN))) {
                return cached.value();
            }
            var answer = sdk.call("/v1.0/oauth2/accessToken", () -> sdk.oauth2().getAccessToken(
                    new com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest()
                            .setAppKey(app.appKey()).setAppSecret(app.appSecret())).getBody());
            String value = answer == null || answer.getAccessToken() == null ? "" : answer.getAccessToken();
            if (value.isBlank()) {
                throw new DeliveryException("DingTalk gave no access token", false, null);
            }
            long expireIn = answer.getExpireIn() == null ? 7200 : answer.getExpireIn();
            Token token = new Token(value, clock.instant().plusSeconds(expireIn));
            tokens.put(app.appKey(), token);
            return value;
        }
    }

    /** Posts a robot message (text, markdown, actionCard …) to a session webhook; no token is needed. */
    void postSessionWebhook(String webhook, ObjectNode message) {
        checkErrcode(post(URI.create(webhook), message), "session webhook");
    }

    /**
     * One-to-one robot messages ({@code oToMessages/batchSend}, at most 20 users a call). DingTalk reports
     * users it could not reach in lists of an otherwise successful answer; those are failures here.
     */
    void batchSend(DingTalkSettings.App app, List<String> userIds, String msgKey, ObjectNode msgParam) {
        var request = new com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest().setRobotCode(app.robotCode())
                .setUserIds(List.copyOf(userIds)).setMsgKey(msgKey).setMsgParam(DingTalkJson.write(msgParam));
        var answer = withToken(app, token -> sdk.call("/v1.0/robot/oToMessages/batchSend", () -> {
            var headers = new com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders();
            headers.xAcsDingtalkAccessToken = token;
            return sdk.robot().batchSendOTOWithOptions(request, headers, sdk.runtime()).getBody();
        }));
        if (answer == null) {
            return;
        }
        List<String> invalid = answer.getInvalidStaffIdList();
        List<String> flowControlled = answer.getFlowControlledStaffIdList();
        if (invalid != null && !invalid.isEmpty()) {
            throw new DeliveryException("batchSend did not reach " + invalid.size() + " user(s): invalidStaffIdList",
                    false, null);
        }
        if (flowControlled != null && !flowControlled.isEmpty()) {
            throw new DeliveryException("batchSend did not reach " + flowControlled.size()
                    + " user(s): flowControlledStaffIdList", true, null);
        }
    }

    /** A robot message into a group ({@code groupMessages/send}); this API cannot @-mention anyone. */
    void groupSend(DingTalkSettings.App app, String openConversationId, String msgKey, ObjectNode msgParam) {
        var request = new com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendRequest()
                .setMsgParam(DingTalkJson.write(msgParam)).setMsgKey(msgKey)
                .setOpenConversationId(openConversationId).setRobotCode(app.robotCode());
        withToken(app, token -> sdk.call("/v1.0/robot/groupMessages/send", () -> {
            var headers = new com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendHeaders();
            headers.xAcsDingtalkAccessToken = token;
            return sdk.robot().orgGroupSendWithOptions(request, headers, sdk.runtime()).getBody();
        }));
    }

    /**
     * Creates an interactive card and delivers it ({@code POST /v1.0/card/instances/createAndDeliver},
     * platforms.md §3.6). A delivery DingTalk reports as failed (robot not in the group, user outside the
     * app's range) is a failed delivery here, not a silent success.
     */
    void createAndDeliverCard(DingTalkSettings.App app, com.aliyun.dingtalkcard_1_0.models.CreateAndDeliverRequest request) {
        var answer = withToken(app, token -> sdk.call("/v1.0/card/instances/createAndDeliver", () -> {
            var headers = new com.aliyun.dingtalkcard_1_0.models.CreateAndDeliverHeaders();
            headers.xAcsDingtalkAccessToken = token;
            return sdk.card().createAndDeliverWithOptions(request, headers, sdk.runtime()).getBody();
        }));
        if (answer != null && Boolean.FALSE.equals(answer.getSuccess())) {
            throw new DeliveryException("DingTalk did not create the card", false, null);
        }
        if (answer != null && answer.getResult() != null && answer.getResult().getDeliverResults() != null) {
            for (var result : answer.getResult().getDeliverResults()) {
                if (!Boolean.TRUE.equals(result.getSuccess())) {
                    throw new DeliveryException("card not delivered to " + result.getSpaceType() + ": "
                            + result.getErrorMsg(), false, null);
                }
            }
        }
    }

    /** Updates a delivered card's public and per-user data by key ({@code PUT /v1.0/card/instances}). */
    void updateCard(DingTalkSettings.App app, com.aliyun.dingtalkcard_1_0.models.UpdateCardRequest request) {
        withToken(app, token -> sdk.call("/v1.0/card/instances", () -> {
            var headers = new com.aliyun.dingtalkcard_1_0.models.UpdateCardHeaders();
            headers.xAcsDingtalkAccessToken = token;
            return sdk.card().updateCardWithOptions(request, headers, sdk.runtime()).getBody();
        }));
    }

    /** A custom group robot's webhook, signed in the URL when the robot has a secret (§3.1). */
    JsonNode postCustomRobot(DingTalkSettings.GroupRobot robot, ObjectNode message) {
        StringBuilder url = new StringBuilder(settings.oapiBaseUrl() + "/robot/send?access_token=")
                .append(java.net.URLEncoder.encode(robot.accessToken(), StandardCharsets.UTF_8));
        if (robot.secret() != null && !robot.secret().isBlank()) {
            long timestamp = clock.millis();
            url.append("&timestamp=").append(timestamp)
                    .append("&sign=").append(RobotSignatures.customRobotUrlSign(timestamp, robot.secret()));
        }
        return post(URI.create(url.toString()), message);
    }

    /** Starts a work notice (工作通知); returns its task id. */
    long sendWorkNotice(DingTalkSettings.App app, List<String> userIds, ObjectNode msg) {
        ObjectNode body = DingTalkJson.object().put("agent_id", app.agentId())
                .put("userid_list", String.join(",", userIds));
        body.set("msg", msg);
        JsonNode answer = withToken(app, token -> oapi("/topapi/message/corpconversation/asyncsend_v2", token, body));
        return answer.path("task_id").asLong();
    }

    /** How far a work notice got: {@code send_progress.status} 2 means done. */
    JsonNode workNoticeProgress(DingTalkSettings.App app, long taskId) {
        ObjectNode body = DingTalkJson.object().put("agent_id", app.agentId()).put("task_id", taskId);
        return withToken(app, token -> oapi("/topapi/message/corpconversation/getsendprogress", token, body))
                .path("progress");
    }

    /** Who really got a work notice: the API accepts notices it then drops (limits, same text twice a day). */
    JsonNode workNoticeResult(DingTalkSettings.App app, long taskId) {
        ObjectNode body = DingTalkJson.object().put("agent_id", app.agentId()).put("task_id", taskId);
        return withToken(app, token -> oapi("/topapi/message/corpconversation/getsendresult", token, body))
                .path("send_result");
    }

    private interface TokenCall<T> {
        T call(String token);
    }

    private <T> T withToken(DingTalkSettings.App app, TokenCall<T> call) {
        String token = accessToken(app);
        try {
            return call.call(token);
        } catch (TokenRejected rejected) {
            tokens.remove(app.appKey(), tokens.get(app.appKey()));
            LOG.log(System.Logger.Level.WARNING, "DingTalk rejected the access token; asking for a new one");
            try {
                return call.call(accessToken(app));
            } catch (TokenRejected again) {
                throw new DeliveryException("DingTalk rejected a fresh access token", false, again);
            }
        }
    }

    /** Old API: {@code ?access_token=}, errors are {@code {"errcode","errmsg"}} with HTTP 200. */
    private JsonNode oapi(String path, String token, ObjectNode body) {
        URI uri = URI.create(settings.oapiBaseUrl() + path + "?access_token="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
        JsonNode answer = post(uri, body);
        long errcode = answer.path("errcode").asLong(0);
        if (errcode == 40014 || errcode == 42001 || errcode == 40001) {
            throw new TokenRejected(Long.toString(errcode));
        }
        checkErrcode(answer, path);
        return answer;
    }

    private JsonNode post(URI uri, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(DingTalkJson.write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("DingTalk answered HTTP " + response.statusCode(),
                    response.statusCode() >= 500 || response.statusCode() == 429, null);
        }
        return parse(response.body());
    }

    static void checkErrcode(JsonNode answer, String what) {
        long errcode = answer.path("errcode").asLong(0);
        if (errcode != 0) {
            // -1 is "system busy": worth another try; the rest are configuration or content problems.
            throw new ErrcodeException(what, errcode, errcode == -1 || errcode == 410100 || errcode == 90002);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException("DingTalk could not be reached", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling DingTalk", true, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return DingTalkJson.object();
        }
        try {
            return DingTalkJson.read(body);
        } catch (JacksonException e) {
            // A per-IP ban answers HTML (platforms.md §4); treat it as transient.
            throw new DeliveryException("DingTalk answered something that is not JSON", true, null);
        }
    }

    /** An old-API answer with a non-zero errcode. */
    static final class ErrcodeException extends DeliveryException {
        private final long errcode;

        ErrcodeException(String what, long errcode, boolean transientFailure) {
            super(what + " answered errcode " + errcode, transientFailure, null);
            this.errcode = errcode;
        }

        long errcode() {
            return errcode;
        }
    }

    /** The access token was refused (expired early, or replaced): ask for a new one once. */
    static final class TokenRejected extends RuntimeException {
        TokenRejected(String code) {
            super(code, null, false, false);
        }
    }
}
