package org.unionbot.adapter.dingtalk;

import java.time.Instant;

import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;

import tools.jackson.databind.JsonNode;

/**
 * A message to the robot, as DingTalk delivers it in both HTTP and Stream mode (platforms.md §3.2).
 *
 * @param userId {@code senderStaffId}: the only id usable for @-mentions and member binding; it is empty
 *     before the robot is published and for external members, then the encrypted {@code senderId} stands in
 *     (pitfall 13) so that the message can still be answered through its session webhook
 * @param sessionWebhook where to answer without a token, until {@code sessionWebhookExpires}
 */
record RobotMessage(
        String msgId,
        boolean group,
        String conversationId,
        String userId,
        boolean staffIdKnown,
        String text,
        boolean mentioned,
        String sessionWebhook,
        Instant sessionWebhookExpires,
        String robotCode,
        Instant createdAt) {

    static RobotMessage parse(JsonNode body) {
        String staffId = body.path("senderStaffId").asString("");
        String userId = staffId.isBlank() ? body.path("senderId").asString("") : staffId;
        String text = "text".equals(body.path("msgtype").asString("text"))
                ? body.path("text").path("content").asString("") : "";
        long expires = body.path("sessionWebhookExpiredTime").asLong(0);
        long created = body.path("createAt").asLong(0);
        return new RobotMessage(
                body.path("msgId").asString(""),
                "2".equals(body.path("conversationType").asString("1")),
                body.path("conversationId").asString(""),
                userId,
                !staffId.isBlank(),
                text.strip(),
                body.path("isInAtList").asBoolean(false),
                body.path("sessionWebhook").asString(null),
                expires > 0 ? Instant.ofEpochMilli(expires) : Instant.EPOCH,
                body.path("robotCode").asString(null),
                created > 0 ? Instant.ofEpochMilli(created) : Instant.now());
    }

    boolean webhookValidAt(Instant now) {
        return sessionWebhook != null && !sessionWebhook.isBlank() && now.isBefore(sessionWebhookExpires);
    }

    Conversation conversation() {
        return group ? Conversation.group(conversationId) : Conversation.privateWith(userId);
    }

    InboundMessage toInbound() {
        return new InboundMessage(Platform.DINGTALK, conversation(), userId, text,
                msgId.isBlank() ? null : msgId, createdAt);
    }
}
