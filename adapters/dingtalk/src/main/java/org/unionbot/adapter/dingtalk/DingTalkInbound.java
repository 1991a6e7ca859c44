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
    private final DingTalkPollCards cards;

    DingTalkInbound(ConversationEngine engine, RobotReplies replies, SessionWebhooks webhooks,
                    ExecutorService workers, DingTalkPollCards cards) {
        this.engine = engine;
        this.cards = cards;
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
     * An interactive-card click: acknowledged by the transport, then run as the private vote message its
     * button stands for ({@link PollCards}); the answer goes to the clicking user's private chat, and the
     * poll's cards show the new tally where the poll allows it ({@link DingTalkPollCards#refresh}).
     */
    void submitCardClick(DingTalkSettings.App app, JsonNode callback) {
        var click = PollCards.toClick(callback, java.time.Instant.now(), app.appSecret());
        String userId = callback.path("userId").asString("");
        Runnable work;
        if (click.isEmpty()) {
            if (userId.isBlank()) {
                return;
            }
            // A button that is no vote (a template mistake): say so privately instead of doing nothing.
            work = () -> answerPrivately(app, userId, DingTalkTexts.get("poll.card.answer.invalid"));
        } else {
            work = () -> {
                Reply reply = engine.handle(click.get().message());
                if (reply instanceof Reply.Say say) {
                    answerPrivately(app, click.get().message().senderId(), say.text());
                }
                if (cards != null) {
                    cards.refresh(app, click.get().pollId(), click.get().outTrackId());
                }
            };
        }
        try {
            workers.execute(work);
        } catch (RejectedExecutionException full) {
            work.run();
        }
    }

    private void answerPrivately(DingTalkSettings.App app, String userId, String text) {
        try {
            replies.sendByOpenApi(app, false, userId, text);
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.ERROR, "DingTalk card answer could not be sent", failed);
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
