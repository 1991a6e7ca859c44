package org.unionbot.adapter.dingtalk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.crypto.CallbackCrypto;
import org.unionbot.crypto.CallbackCryptoException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Event subscription over HTTP (platforms.md §3.5): {@code POST ?msg_signature&timestamp&nonce} with
 * {@code {"encrypt":"…"}}, the shared crypto with the app key as receive id. Every accepted event, the URL
 * check ({@code check_url}) included, is answered with the encrypted {@code success} map at once: the check
 * must be answered within 1.5 s. Events are acknowledged and logged only; no union feature consumes them yet.
 *
 * <p>Replay window: a timestamp further than {@code max-clock-skew} from now is refused, and so is a second
 * request with the same signature inside the window ({@code 0} turns both off).
 */
@RestController
class EventCallbackController {
    private static final System.Logger LOG = System.getLogger(EventCallbackController.class.getName());

    private final DingTalkSettings settings;
    private final Clock clock;
    private final Map<String, CallbackCrypto> cryptos = new ConcurrentHashMap<>();
    private final Map<String, Long> seenSignatures = new ConcurrentHashMap<>();

    EventCallbackController(DingTalkConfiguration.DingTalkParts parts) {
        this.settings = parts.settings;
        this.clock = parts.clock;
    }

    @PostMapping(path = "/callback/dingtalk/events/{appKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> receive(
            @PathVariable String appKey,
            @RequestParam(name = "msg_signature", required = false) String msgSignature,
            @RequestParam(name = "signature", required = false) String signature,
            @RequestParam(name = "timestamp", required = false) String timestamp,
            @RequestParam(name = "timeStamp", required = false) String timeStamp,
            @RequestParam(name = "nonce", required = false) String nonce,
            @RequestBody(required = false) byte[] body) {
        var app = settings.app(appKey).filter(DingTalkSettings.App::subscribesEvents);
        if (app.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String sig = msgSignature != null ? msgSignature : signature;
        String ts = timestamp != null ? timestamp : timeStamp;
        if (sig == null || ts == null || nonce == null) {
            return refuse("parameters missing");
        }
        String encrypt;
        try {
            encrypt = DingTalkJson.read(body == null ? "" : new String(body, StandardCharsets.UTF_8))
                    .path("encrypt").asString("");
        } catch (JacksonException e) {
            return refuse("body is not JSON");
        }
        CallbackCrypto crypto = crypto(app.get());
        if (encrypt.isEmpty() || !crypto.verify(sig, ts, nonce, encrypt)) {
            return refuse("bad signature");
        }
        if (!withinReplayWindow(ts, sig)) {
            return refuse("outside the replay window");
        }
        String plain;
        try {
            plain = crypto.decrypt(encrypt);
        } catch (CallbackCryptoException e) {
            return refuse("cannot decrypt: " + e.getMessage());
        }
        String eventType;
        try {
            JsonNode event = DingTalkJson.read(plain);
            eventType = event.path("EventType").asString("");
        } catch (JacksonException e) {
            return refuse("event is not JSON");
        }
        LOG.log(System.Logger.Level.DEBUG, "DingTalk event {0}", eventType);
        return ResponseEntity.ok(successMap(crypto));
    }

    private boolean withinReplayWindow(String ts, String signature) {
        long skew = settings.maxClockSkew().toMillis();
        if (skew == 0) {
            return true;
        }
        long millis;
        try {
            millis = Long.parseLong(ts.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis();
        if (Math.abs(now - millis) > skew) {
            return false;
        }
        seenSignatures.values().removeIf(expires -> expires < now);
        return seenSignatures.putIfAbsent(signature.toLowerCase(java.util.Locale.ROOT), now + 2 * skew) == null;
    }

    private Map<String, String> successMap(CallbackCrypto crypto) {
        String ts = Long.toString(clock.millis());
        String nonce = CallbackCrypto.nonce();
        String encrypted = crypto.encrypt("success");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("msg_signature", crypto.sign(ts, nonce, encrypted));
        map.put("timeStamp", ts);
        map.put("nonce", nonce);
        map.put("encrypt", encrypted);
        return map;
    }

    private CallbackCrypto crypto(DingTalkSettings.App app) {
        return cryptos.computeIfAbsent(app.appKey(),
                key -> new CallbackCrypto(app.eventToken(), app.eventAesKey(), app.appKey()));
    }

    private static ResponseEntity<Map<String, String>> refuse(String why) {
        LOG.log(System.Logger.Level.WARNING, "DingTalk event callback refused: {0}", why);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
}
