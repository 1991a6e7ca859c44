package org.unionbot.adapter.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/**
 * {@code POST /api/chat}: one message from the web page, answered by the conversation engine.
 *
 * <p>Parse → engine → render, nothing else: who the sender is comes from {@link WebIdentity}, every
 * business rule from the engine. A deferred answer ({@code "deferred": true}) arrives later through the
 * {@link WebInbox}.
 */
@RestController
class ChatController {
    static final String PATH = "/api/chat";
    static final int MAX_MESSAGE_ID_LENGTH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);

    private final ConversationEngine engine;
    private final WebIdentity identity;
    private final WebChatSettings settings;
    private final Clock clock;

    ChatController(ConversationEngine engine, WebIdentity identity, WebChatSettings settings,
                   ObjectProvider<Clock> clock) {
        this.engine = engine;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * The message as the page sends it.
     *
     * @param user the web user id; trusted only in demo mode, else it must match the token or be absent
     * @param text what the user typed, passed to the engine untouched
     * @param messageId the page's id for this message, so a re-sent request is answered once (per user)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChatRequest(String user, String text, String messageId) {
        @Override
        public String toString() {
            return "ChatRequest[hasText=" + (text != null) + "]";
        }
    }

    /** {@code {"replies": [...]}}, plus {@code "deferred": true} when the answer will come to the inbox. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatResponse(List<ReplyView> replies, Boolean deferred) {
        static ChatResponse of(Reply reply) {
            if (reply instanceof Reply.Say say) {
                return new ChatResponse(ReplyView.of(say.contents(), null), null);
            }
            if (reply instanceof Reply.Deferred) {
                return new ChatResponse(List.of(), Boolean.TRUE);
            }
            return new ChatResponse(List.of(), null);
        }
    }

    @PostMapping(PATH)
    ChatResponse chat(@RequestBody ChatRequest request, HttpServletRequest http) {
        String user = identity.resolve(request.user(), http);
        String text = request.text();
        if (text == null) {
            throw WebChatException.badRequest("request.textMissing");
        }
        int length = text.codePointCount(0, text.length());
        if (length > settings.maxTextLength()) {
            throw WebChatException.badRequest("request.textTooLong",
                    String.valueOf(settings.maxTextLength()), String.valueOf(length));
        }
        String messageId = messageId(request.messageId());
        Reply reply = engine.handle(new InboundMessage(Platform.WEB, Conversation.privateWith(user), user, text,
                messageId, clock.instant()));
        LOG.debug("web chat answered with {}", reply.getClass().getSimpleName());
        return ChatResponse.of(reply);
    }

    /** Any other method on the path: a JSON 405 instead of the container's error page. */
    @RequestMapping(PATH)
    void otherMethods(HttpServletRequest http) {
        throw WebChatException.methodNotAllowed(http.getMethod(), "POST");
    }

    private static String messageId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip();
        if (id.codePointCount(0, id.length()) > MAX_MESSAGE_ID_LENGTH || id.codePoints().anyMatch(Character::isISOControl)) {
            throw WebChatException.badRequest("request.messageIdInvalid", String.valueOf(MAX_MESSAGE_ID_LENGTH));
        }
        return id;
    }
}
