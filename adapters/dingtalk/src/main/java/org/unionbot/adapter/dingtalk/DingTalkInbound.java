package org.unionbot.adapter.dingtalk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Reply;

import tools.jackson.databind.JsonNode;

/**
 * The one path of a robot message, whichever way it arrived (Stream or HTTP): the transport acknowledges
 * first and hands the message here, which runs the engine and answers on DingTalk's side.
 *
 * <p>Acknowledging first matters: DingTalk redelivers a message that is not acknowledged within seconds
 * (platforms.md §3.3). Redeliveries carry the same {@code msgId}; the engine's {@code DuplicateGuard} keys
 * on it, so a vote or a report runs once.
 */
final class DingTalkInbound {
    private static final System.Logger LOG = System.getLogger(DingTalkInbound.class.getName());

    private final ConversationEngine engine;
    private final RobotReplies replies;
    private final SessionWebhooks webhooks;
    private final ExecutorService workers;

    DingTalkInbound(ConversationEngine engine, RobotReplies replies, SessionWebhooks webhooks,
                    ExecutorService workers) {
        this.engine = engine;
        this.replies = replies;
        this.webhooks = webhooks;
        this.workers = workers;
    }

    /** Queues the message for work and returns at once, so the transport can acknowledge. */
    void submit(DingTalkSettings.App app, JsonNode body) {
        RobotMessage message = RobotMessage.parse(body);
        try {
            workers.execute(() -> process(app, message));
        } catch (RejectedExecutionException full) {
            // Not acknowledging would make DingTalk redeliver; running inline keeps the message instead.
            LOG.log(System.Logger.Level.WARNING, "DingTalk workers busy; answering on the receiving thread");
            process(app, message);
        }
    }

    /**
     * An interactive-card click: acknowledged by the transport, then run as the private message its button
     * stands for ({@link PollCards}); the answer goes to the clicking user's private chat.
     */
    void submitCardClick(DingTalkSettings.App app, JsonNode callback) {
        var message = PollCards.toInbound(callback, java.time.Instant.now());
        if (message.isEmpty()) {
            return;
        }
        Runnable work = () -> {
            Reply reply = engine.handle(message.get());
            if (reply instanceof Reply.Say say) {
                try {
                    replies.sendByOpenApi(app, false, message.get().senderId(), say.text());
                } catch (RuntimeException failed) {
                    LOG.log(System.Logger.Level.ERROR, "DingTalk card answer could not be sent", failed);
                }
            }
        };
        try {
            workers.execute(work);
        } catch (RejectedExecutionException full) {
            work.run();
        }
    }

    /** Runs the engine and answers. */
    void process(DingTalkSettings.App app, RobotMessage message) {
        if (message.group() && !message.mentioned()) {
            // In groups the robot speaks only when spoken to.
            return;
        }
        if (message.userId().isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "DingTalk message without a sender id ignored");
            return;
        }
        webhooks.remember(app, message);
        InboundMessage inbound = message.toInbound();
        Reply reply = engine.handle(inbound);
        if (reply instanceof Reply.Say say) {
            try {
                replies.answer(app, message, say);
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.ERROR, "DingTalk answer could not be sent; conversation="
                        + inbound.conversation().kind(), failed);
            }
        }
        // Silent: nothing to say (a redelivery). Deferred: the engine sends it through DingTalkOutbound.
    }
}
