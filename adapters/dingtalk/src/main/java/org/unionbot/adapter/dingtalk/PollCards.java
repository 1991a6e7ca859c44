package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The wire side of poll cards (platforms.md §3.6): a card callback becomes the vote message its button
 * stands for. {@link DingTalkPollCards} delivers and updates the cards (and sends its own ActionCard
 * fallback, which links to the poll's page).
 *
 * <p>The seam with the polls feature: a button carries {@code params = {"pollId":"12","choice":"2"}} (or
 * {@code "choice":"1,3"} from a multi-select), which is nothing but the text {@code 投 #12 2} said privately by
 * the clicking user, so the core's vote command (one member, one vote) handles it like any message. Only
 * that vote grammar is accepted: a click can never run another command.
 */
final class PollCards {
    /** Card parameters a button sets. */
    static final String POLL_PARAM = "pollId";
    static final String CHOICE_PARAM = "choice";
    /** The older form: the whole vote text in one parameter, still the vote grammar only. */
    static final String COMMAND_PARAM = "command";
    private static final java.util.regex.Pattern POLL_ID = java.util.regex.Pattern.compile("[0-9]{1,18}");
    private static final java.util.regex.Pattern CHOICE = java.util.regex.Pattern.compile("[0-9]{1,3}([ ,，、][0-9]{1,3}){0,30}");
    private static final java.util.regex.Pattern VOTE_TEXT =
            java.util.regex.Pattern.compile("(投|选) ?#([0-9]{1,18}) ([0-9]{1,3}([ ,，、][0-9]{1,3}){0,30})");

    private PollCards() {
    }

    /** A click that is a vote: the private message, the poll it is for and the card it came from. */
    record Click(InboundMessage message, long pollId, String outTrackId) {
    }

    /**
     * A card callback as a private vote message from the clicking user, or empty when it is no vote.
     * {@code content} is a JSON string inside the JSON; the click has no message id, so the id is derived
     * from card, user and vote: a retried click is a duplicate the engine drops, a click on another
     * option is a new message (a change of vote).
     *
     * <p>The derived id is stored with the user id in the duplicate log, so it must not reveal the vote:
     * a plain hash of card, user and vote could be recomputed for each option by anyone who can read the
     * database, which would open a secret ballot. It is keyed with the app's secret, which lives in the
     * configuration and never in the database.
     *
     * @param appSecret the DingTalk app's secret; when absent, a key of this process (retries that reach
     *     another instance are then caught by the one-vote rule instead of the duplicate log)
     */
    static Optional<Click> toClick(JsonNode callback, Instant receivedAt, String appSecret) {
        String userId = callback.path("userId").asString("");
        String outTrackId = callback.path("outTrackId").asString("");
        if (userId.isBlank() || !"actionCallback".equals(callback.path("type").asString("actionCallback"))) {
            return Optional.empty();
        }
        JsonNode content;
        try {
            JsonNode raw = callback.path("content");
            content = raw.isObject() ? raw : DingTalkJson.read(raw.asString("{}"));
        } catch (JacksonException e) {
            return Optional.empty();
        }
        JsonNode params = content.path("cardPrivateData").path("params");
        String pollId = params.path(POLL_PARAM).asString("").strip();
        String choice = params.path(CHOICE_PARAM).asString("").strip();
        String text;
        if (POLL_ID.matcher(pollId).matches() && CHOICE.matcher(choice).matches()) {
            text = "投 #" + pollId + " " + choice;
        } else {
            var legacy = VOTE_TEXT.matcher(params.path(COMMAND_PARAM).asString("").strip());
            if (!legacy.matches()) {
                return Optional.empty();
            }
            pollId = legacy.group(2);
            text = "投 #" + pollId + " " + legacy.group(3);
        }
        String id = "card:" + keyedDigest(appSecret, outTrackId + "\n" + userId + "\n" + text);
        var message = new InboundMessage(Platform.DINGTALK, Conversation.privateWith(userId), userId, text, id,
                receivedAt);
        return Optional.of(new Click(message, Long.parseLong(pollId), outTrackId));
    }

    /** HMAC-SHA256 of {@code text}, 24 hex digits; see {@link #toClick} for why it is keyed. */
    static String keyedDigest(String secret, String text) {
        byte[] key = secret == null || secret.isBlank() ? PROCESS_KEY : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("unionbot-dingtalk-card-click\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] PROCESS_KEY = new SecureRandom().generateSeed(32);

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
