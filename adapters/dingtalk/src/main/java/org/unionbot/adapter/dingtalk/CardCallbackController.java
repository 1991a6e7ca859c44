package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP-mode interactive-card callbacks (platforms.md §3.6), for {@code unionbot.dingtalk.cards.callback-type:
 * http}: DingTalk POSTs each button click with {@code x-ddpaas-signature-timestamp} and
 * {@code x-ddpaas-signature}. An unsigned, forged or stale request (outside {@code max-clock-skew}; DingTalk's
 * hour when that is {@code 0}) is refused before its body is read. A good one is answered {@code {}} at once —
 * DingTalk wants the answer within 2 s — and runs as the same private vote as a Stream click; the tally is
 * updated afterwards through the card API.
 */
@RestController
class CardCallbackController {
    private static final System.Logger LOG = System.getLogger(CardCallbackController.class.getName());

    private final DingTalkSettings settings;
    private final DingTalkInbound inbound;
    private final Clock clock;

    CardCallbackController(DingTalkConfiguration.DingTalkParts parts, DingTalkInbound inbound) {
        this.settings = parts.settings;
        this.inbound = inbound;
        this.clock = parts.clock;
    }

    @PostMapping(path = "/callback/dingtalk/card/{appKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(@PathVariable String appKey,
                                   @RequestHeader(name = "x-ddpaas-signature-timestamp", required = false) String timestamp,
                                   @RequestHeader(name = "x-ddpaas-signature", required = false) String sign,
                                   @RequestBody(required = false) byte[] body) {
        var app = settings.app(appKey);
        String secret = settings.cards().apiSecret();
        if (app.isEmpty() || !settings.cards().httpCallbacks() || secret == null || secret.isBlank()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("{}");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return refuse("timestamp missing");
        }
        long window = settings.maxClockSkew().isZero() ? RobotCallbackController.WINDOW.toMillis()
                : settings.maxClockSkew().toMillis();
        if (Math.abs(clock.millis() - millis) > window) {
            return refuse("timestamp outside the window");
        }
        if (!RobotSignatures.verifyCardCallback(sign, millis, secret)) {
            return refuse("bad signature");
        }
        JsonNode callback;
        try {
            callback = DingTalkJson.read(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body("{}");
        }
        if (!callback.isObject()) {
            return ResponseEntity.badRequest().body("{}");
        }
        inbound.submitCardClick(app.get(), callback);
        return ResponseEntity.ok("{}");
    }

    private static ResponseEntity<String> refuse(String why) {
        LOG.log(System.Logger.Level.WARNING, "DingTalk card callback refused: {0}", why);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("{}");
    }
}
