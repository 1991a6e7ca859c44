package org.unionbot.adapter.dingtalk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;

import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a robot message where it was said: through the message's session webhook while it is valid (the
 * only channel that can @-mention in a group), else through the robot OpenAPI (private {@code batchSend},
 * group {@code groupMessages/send}).
 *
 * <p>The @-mention is built here rather than with the Stream SDK's {@code BotReplier}, which ignores the
 * user list and sends {@code atUserIds:[""]} (platforms.md pitfall 10). DingTalk shows the mention only when
 * the id is both in {@code at.atUserIds} and written as {@code @id} in the text.
 */
final class RobotReplies {
    private static final System.Logger LOG = System.getLogger(RobotReplies.class.getName());

    private final DingTalkApi api;
    private final Clock clock;

    RobotReplies(DingTalkApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Sends the reply; throws {@link DeliveryException} only when no channel took it. */
    void answer(DingTalkSettings.App app, RobotMessage message, Reply.Say reply) {
        Instant now = clock.instant();
        if (message.webhookValidAt(now)) {
            try {
                api.postSessionWebhook(message.sessionWebhook(), webhookText(reply.text(),
                        message.group() && message.staffIdKnown() ? message.userId() : null));
                return;
            } catch (DeliveryException failed) {
                LOG.log(System.Logger.Level.WARNING, "session webhook failed ({0}); using the OpenAPI",
                        failed.getMessage());
            }
        }
        sendByOpenApi(app, message.group(), message.group() ? message.conversationId() : message.userId(),
                reply.text());
    }

    void sendByOpenApi(DingTalkSettings.App app, boolean group, String target, String text) {
        ObjectNode param = DingTalkJson.object().put("content", text);
        if (group) {
            api.groupSend(app, target, "sampleText", param);
        } else {
            api.batchSend(app, List.of(target), "sampleText", param);
        }
    }

    /** A robot text message; with {@code mentionUserId} the text starts with the @ DingTalk requires. */
    static ObjectNode webhookText(String text, String mentionUserId) {
        ObjectNode message = DingTalkJson.object().put("msgtype", "text");
        String content = mentionUserId == null ? text : "@" + mentionUserId + " " + text;
        message.putObject("text").put("content", content);
        ObjectNode at = message.putObject("at");
        var ids = at.putArray("atUserIds");
        if (mentionUserId != null) {
            ids.add(mentionUserId);
        }
        at.put("isAtAll", false);
        return message;
    }
}
