package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP-mode robot callbacks (platforms.md §3.2): DingTalk POSTs each message with {@code timestamp} (ms)
 * and {@code sign} headers. A request that is not signed with the app's secret or is more than an hour
 * from now is refused before its body is parsed, then the message takes the same path as Stream.
 */
@RestController
class RobotCallbackController {
    static final Duration WINDOW = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(RobotCallbackController.class.getName());

    private final DingTalkSettings settings;
    private final DingTalkInbound inbound;
    private final Clock clock;
    private final org.unionbot.core.channel.ChannelActivity activity;

    RobotCallbackController(DingTalkConfiguration.DingTalkParts parts, DingTalkInbound inbound) {
        this.settings = parts.settings;
        this.inbound = inbound;
        this.clock = parts.clock;
        this.activity = parts.activity;
    }

    @PostMapping(path = "/callback/dingtalk/robot/{appKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(@PathVariable String appKey,
                                   @RequestHeader(name = "timestamp", required = false) String timestamp,
                                   @RequestHeader(name = "sign", required = false) String sign,
                                   @RequestBody(required = false) byte[] body) {
        var app = settings.app(appKey).filter(a -> a.receiveMode() == DingTalkSettings.Mode.HTTP);
        if (app.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("{}");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return refuse(appKey, "timestamp missing");
        }
        if (Math.abs(clock.millis() - millis) > WINDOW.toMillis()) {
            return refuse(appKey, "timestamp outside the hour");
        }
        if (!RobotSignatures.verifyCallback(sign, millis, app.get().appSecret())) {
            return refuse(appKey, "bad sign");
        }
        JsonNode message;
        try {
            message = DingTalkJson.read(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().body("{}");
        }
        if (!message.isObject()) {
            return ResponseEntity.badRequest().body("{}");
        }
        activity.callbackReceived(org.unionbot.core.message.Platform.DINGTALK, appKey);
        inbound.submit(app.get(), message);
        return ResponseEntity.ok("{}");
    }

    private ResponseEntity<String> refuse(String appKey, String why) {
        LOG.log(System.Logger.Level.WARNING, "DingTalk robot callback refused: {0}", why);
        activity.error(org.unionbot.core.message.Platform.DINGTALK, appKey, "回调被拒绝（" + why + "）");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("{}");
    }
}
