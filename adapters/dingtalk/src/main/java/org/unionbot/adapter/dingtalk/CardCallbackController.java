package org.unionbot.adapter.dingtalk;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

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
        Duration window = settings.maxClockSkew().isZero() ? RobotCallbackController.WINDOW : settings.maxClockSkew();
        return SignedJsonCallback.receive("card", timestamp, body, clock, window,
                millis -> RobotSignatures.verifyCardCallback(sign, millis, secret),
                callback -> inbound.submitCardClick(app.get(), callback));
    }
}
