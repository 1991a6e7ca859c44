package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polls on DingTalk: interactive-card button clicks become votes, and an ActionCard linking to the poll's
 * web page stands in where no card template is configured (platforms.md §3.6).
 *
 * <p>The seam with the polls feature: a card template's buttons carry the command a teacher would type
 * ({@code params.command = "投 2"}), so a click is nothing but that text said privately by the clicking
 * user, and the core's vote command (with its one-member-one-vote rule) handles it like any message.
 */
final class PollCards {
    /** The card parameter holding the text a button stands for. */
    static final String COMMAND_PARAM = "command";

    private PollCards() {
    }

    /**
     * A card callback as a private message from the clicking user, or empty when it carries no command.
     * {@code content} is a JSON string inside the JSON; the click has no message id, so the id is derived
     * from card, user and command: a second click on the same button is a duplicate.
     */
    static Optional<InboundMessage> toInbound(JsonNode callback, Instant receivedAt) {
        String userId = callback.path("userId").asString("");
        String outTrackId = callback.path("outTrackId").asString("");
        if (userId.isBlank() || !"actionCallback".equals(callback.path("type").asString("actionCallback"))) {
            return Optional.empty();
        }
        JsonNode content;
        try {
            content = DingTalkJson.read(callback.path("content").asString("{}"));
        } catch (JacksonException e) {
            return Optional.empty();
        }
        String command = content.path("cardPrivateData").path("params").path(COMMAND_PARAM).asString("").strip();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String id = "card:" + digest(outTrackId + "\n" + userId + "\n" + command);
        return Optional.of(new InboundMessage(Platform.DINGTALK, Conversation.privateWith(userId), userId, command,
                id, receivedAt));
    }

    /**
     * The fallback: an ActionCard with one button per option whose link opens the poll's web page with the
     * option preselected, for session webhooks and custom group robots (which cannot send interactive cards).
     */
    static ObjectNode actionCard(String title, String markdown, String pollUrl, List<String> options) {
        ObjectNode message = DingTalkJson.object().put("msgtype", "actionCard");
        ObjectNode card = message.putObject("actionCard").put("title", title).put("text", markdown)
                .put("btnOrientation", "0");
        if (options.isEmpty()) {
            card.put("singleTitle", DingTalkTexts.get("poll.card.open")).put("singleURL", pollUrl);
        } else {
            var buttons = card.putArray("btns");
            for (int i = 0; i < options.size(); i++) {
                String sep = pollUrl.contains("?") ? "&" : "?";
                buttons.addObject().put("title", options.get(i)).put("actionURL", pollUrl + sep + "choice=" + (i + 1));
            }
        }
        return message;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
