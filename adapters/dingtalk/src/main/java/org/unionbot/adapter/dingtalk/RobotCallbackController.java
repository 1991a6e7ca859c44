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
 * HTTP-mode robot callbacks (platforms.md §3.2): DingTalk POSTs each message with {@code timestamp} (ms)
 * and {@code sign} headers. A request that is not signed with the app's secret or is more than an hour
 * from now is refused before its body is parsed, then the message takes the same path as Stream.
 */
@RestController
class RobotCallbackController {
    static final Duration WINDOW = Duration.ofHours(1);

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
        ResponseEntity<String> answer = SignedJsonCallback.receive("robot", timestamp, body, clock, WINDOW,
                millis -> RobotSignatures.verifyCallback(sign, millis, app.get().appSecret()),
                message -> inbound.submit(app.get(), message));
        // for the console's 渠道 page; the reason itself is in SignedJsonCallback's log line
        activity.callbackAnswered(org.unionbot.core.message.Platform.DINGTALK, appKey, answer.getStatusCode().value());
        return answer;
    }
}
