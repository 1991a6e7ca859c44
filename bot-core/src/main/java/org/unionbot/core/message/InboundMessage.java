package org.unionbot.core.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from any platform, after the adapter verified and decoded it.
 *
 * @param platformMessageId the platform's id for this message (WeChat MsgId, DingTalk msgId); null when
 *     the platform gives none (events, the web chat without a client id). Platforms retry deliveries, so
 *     this id is what makes a retry recognisable.
 * @param sentAt the platform's send time (WeChat CreateTime); for events without a message id the pair
 *     (sender, sentAt) identifies a retry.
 */
public record InboundMessage(
        Platform platform,
        Conversation conversation,
        String senderId,
        String text,
        String platformMessageId,
        Instant sentAt) {

    public InboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(sentAt, "sentAt");
        text = text == null ? "" : text;
    }

    /** A private text message; the shape adapters and tests use most. */
    public static InboundMessage privateText(Platform platform, String senderId, String text,
                                             String platformMessageId, Instant sentAt) {
        return new InboundMessage(platform, Conversation.privateWith(senderId), senderId, text,
                platformMessageId, sentAt);
    }

    /**
     * The durable key by which a platform retry of this message is recognised, or empty when the message
     * carries nothing that a retry would repeat (a web message without a client id).
     *
     * <p>A message id is unique only within one sender's account: WeChat numbers MsgIds per Official
     * Account (and a school may configure several), web pages number their own messages. The sender's
     * platform id (an openid is per account) makes the key unique, so one message never silences another.
     */
    public Optional<String> deduplicationKey() {
        if (platformMessageId != null && !platformMessageId.isBlank()) {
            return Optional.of(platform.code() + ":m:" + senderId + ":" + platformMessageId);
        }
        if (platform != Platform.WEB) {
            // WeChat documents (FromUserName, CreateTime) as the retry key for events without MsgId.
            return Optional.of(platform.code() + ":e:" + senderId + ":" + sentAt.getEpochSecond());
        }
        return Optional.empty();
    }
}
