package org.unionbot.adapter.dingtalk;

import java.time.Duration;
import java.util.List;

import org.unionbot.core.outbound.DeliveryException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Work notices (工作通知) for reminders: {@code asyncsend_v2} answers "ok" even when DingTalk then drops the
 * notice (over the per-user daily limit, the same text to the same user twice a day, a user outside the
 * app's range), so the send waits for the task to finish and reads {@code getsendresult}; a recipient listed
 * there as invalid, forbidden or failed is a failed delivery (platforms.md §4, pitfall 14).
 */
final class WorkNotices {
    private final DingTalkApi api;
    private final int progressChecks;
    private final Duration progressPause;

    WorkNotices(DingTalkApi api, int progressChecks, Duration progressPause) {
        this.api = api;
        this.progressChecks = progressChecks;
        this.progressPause = progressPause;
    }

    /** Sends and confirms; throws {@link DeliveryException} when the user did not get it. */
    void send(DingTalkSettings.App app, String userId, String text) {
        if (app.agentId() == null) {
            throw new DeliveryException("no agent-id configured for work notices", false, null);
        }
        ObjectNode msg = DingTalkJson.object().put("msgtype", "text");
        msg.putObject("text").put("content", text);
        long taskId = api.sendWorkNotice(app, List.of(userId), msg);
        awaitDone(app, taskId);
        JsonNode result = api.workNoticeResult(app, taskId);
        for (String list : List.of("invalid_user_id_list", "forbidden_user_id_list", "failed_user_id_list")) {
            for (JsonNode id : result.path(list)) {
                if (userId.equals(id.asString(""))) {
                    throw new DeliveryException("work notice not delivered: " + list,
                            list.startsWith("failed"), null);
                }
            }
        }
        for (JsonNode forbidden : result.path("forbidden_list")) {
            if (userId.equals(forbidden.path("userid").asString(""))) {
                throw new DeliveryException("work notice forbidden, code " + forbidden.path("code").asString(""),
                        false, null);
            }
        }
    }

    private void awaitDone(DingTalkSettings.App app, long taskId) {
        for (int i = 0; i < progressChecks; i++) {
            if (api.workNoticeProgress(app, taskId).path("status").asInt(0) == 2) {
                return;
            }
            try {
                Thread.sleep(progressPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Not finished yet: getsendresult still lists the users already known to be unreachable.
    }
}
