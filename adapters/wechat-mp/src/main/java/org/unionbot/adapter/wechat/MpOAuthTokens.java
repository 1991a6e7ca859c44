package org.unionbot.adapter.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed values of 网页授权: the OAuth {@code state} and the binding ticket.
 *
 * <p>{@code state} = {@code base64url(next "|" expiry) "." base64url(HMAC(appId, payload, browserNonce))[:16 bytes]}.
 * The browser nonce is a random value kept in an HttpOnly cookie set when the flow starts, so a state (and
 * with it a code) captured from one browser is useless in another: this is the CSRF guard OAuth's
 * {@code state} is for. It expires after {@link #STATE_LIFETIME} (WeChat's code lives 5 minutes).
 *
 * <p>The binding ticket carries the openid from the callback to the binding form's POST, so the openid is
 * never taken from the form: {@code base64url(openid "|" next "|" expiry) "." mac}, valid
 * {@link #TICKET_LIFETIME}. MACs are compared in constant time before anything in the payload is believed.
 */
final class MpOAuthTokens {
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final Duration TICKET_LIFETIME = Duration.ofMinutes(15);
    private static final int MAC_BYTES = 16;
    private static final int MAX_CHARS = 512;
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec stateKey;
    private final SecretKeySpec ticketKey;
    private final Clock clock;

    /** Outcome of a check: the payload's fields when valid. */
    record Checked(Status status, String[] fields) {
        boolean valid() {
            return status == Status.VALID;
        }
    }

    enum Status { VALID, FORGED, EXPIRED }

    MpOAuthTokens(String secret, Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the OAuth signing secret must be at least 32 bytes");
        }
        // One key per purpose, so a state can never pass as a ticket.
        this.stateKey = new SecretKeySpec(derive(bytes, "wechat-mp-oauth-state"), "HmacSHA256");
        this.ticketKey = new SecretKeySpec(derive(bytes, "wechat-mp-binding-ticket"), "HmacSHA256");
        this.clock = clock;
    }

    static String newBrowserNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String state(String appId, String next, String browserNonce) {
        String payload = next + "|" + clock.instant().plus(STATE_LIFETIME).getEpochSecond();
        return seal(stateKey, payload, appId + "|" + browserNonce);
    }

    /** The {@code next} of a valid state, checked against the app and this browser's nonce. */
    Checked checkState(String appId, String state, String browserNonce) {
        if (browserNonce == null || browserNonce.isBlank()) {
            return new Checked(Status.FORGED, null);
        }
        return open(stateKey, state, appId + "|" + browserNonce, 2);
    }

    String ticket(String appId, String openId, String next) {
        String payload = openId + "|" + next + "|" + clock.instant().plus(TICKET_LIFETIME).getEpochSecond();
        return seal(ticketKey, payload, appId);
    }

    /** (openid, next) of a valid ticket. */
    Checked checkTicket(String appId, String ticket) {
        return open(ticketKey, ticket, appId, 3);
    }

    private String seal(SecretKeySpec key, String payload, String context) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(bytes) + "." + ENC.encodeToString(mac(key, bytes, context));
    }

    private Checked open(SecretKeySpec key, String token, String context, int fieldCount) {
        if (token == null || token.isEmpty() || token.length() > MAX_CHARS) {
            return new Checked(Status.FORGED, null);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Checked(Status.FORGED, null);
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DEC.decode(token.substring(0, dot));
            mac = DEC.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new Checked(Status.FORGED, null);
        }
        if (!MessageDigest.isEqual(mac(key, payload, context), mac)) {
            return new Checked(Status.FORGED, null);
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != fieldCount) {
            return new Checked(Status.FORGED, null);
        }
        long expiry;
        try {
            expiry = Long.parseLong(fields[fieldCount - 1]);
        } catch (NumberFormatException e) {
            return new Checked(Status.FORGED, null);
        }
        if (clock.instant().getEpochSecond() >= expiry) {
            return new Checked(Status.EXPIRED, null);
        }
        return new Checked(Status.VALID, Arrays.copyOf(fields, fieldCount - 1));
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static Optional<String> field(Checked checked, int index) {
        return checked.valid() ? Optional.of(checked.fields()[index]) : Optional.empty();
    }
}
