package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The checks DingTalk's signed HTTP callbacks share (robot messages, card clicks): a millisecond timestamp
 * inside the window, then the signature, both before the body is parsed; a forged or stale request is a
 * 403 that never reaches the engine, a body that is not a JSON object a 400, and a good one is handed on
 * and answered {@code {}} at once.
 */
final class SignedJsonCallback {
    private static final System.Logger LOG = System.getLogger(SignedJsonCallback.class.getName());

    private SignedJsonCallback() {
    }

    /**
     * @param what      names the callback in the refusal log ("robot", "card")
     * @param signedAt  checks the signature for the request's timestamp
     */
    static ResponseEntity<String> receive(String what, String timestamp, byte[] body, Clock clock, Duration window,
                                          LongPredicate signedAt, Consumer<JsonNode> handOn) {
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return refuse(what, "timestamp missing");
        }
        if (Math.abs(clock.millis() - millis) > window.toMillis()) {
            return refuse(what, "timestamp outside the window");
        }
        if (!signedAt.test(millis)) {
            return refuse(what, "bad signature");
        }
        JsonNode json;
        try {
            json = DingTalkJson.read(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body("{}");
        }
        if (!json.isObject()) {
            return ResponseEntity.badRequest().body("{}");
        }
        handOn.accept(json);
        return ResponseEntity.ok("{}");
    }

    private static ResponseEntity<String> refuse(String what, String why) {
        LOG.log(System.Logger.Level.WARNING, "DingTalk {0} callback refused: {1}", what, why);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("{}");
    }
}
