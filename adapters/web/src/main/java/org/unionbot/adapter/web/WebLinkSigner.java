package org.unionbot.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the personal links that open the web chat as one member.
 *
 * <p>A token is {@code base64url(userId + "." + expiryEpochSeconds) + "." + base64url(HMAC-SHA256(secret,
 * userId + "." + expiryEpochSeconds))}, unpadded. Whoever holds a valid token speaks as that web user
 * until it expires, so links are handed out privately (through the member's own WeChat/WeCom/DingTalk
 * chat) and kept short-lived. The signature is checked in constant time before anything in the payload
 * is believed, so "expired" is only ever said of a token this server made.
 */
public final class WebLinkSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    /** Tokens are short; refusing long input early keeps junk from costing a MAC computation. */
    private static final int MAX_TOKEN_CHARS = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public WebLinkSigner(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < WebChatSettings.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("link secret must be at least " + WebChatSettings.MIN_SECRET_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for {@code userId} valid for {@code validity} from now. */
    public String sign(String userId, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        return sign(userId, clock.instant().plus(validity));
    }

    /** A token for {@code userId} valid until {@code expiresAt} (to the second). */
    public String sign(String userId, Instant expiresAt) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        byte[] payload = (userId + "." + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** Checks a token: its signature first, then its expiry. */
    public Verification verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return Verification.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            return Verification.INVALID;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Verification.INVALID;
        }
        if (signature.length != SIGNATURE_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
            return Verification.INVALID;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int split = text.lastIndexOf('.');
        if (split <= 0) {
            return Verification.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(text.substring(split + 1));
        } catch (NumberFormatException notANumber) {
            return Verification.INVALID;
        }
        if (clock.instant().getEpochSecond() >= expiry) {
            return Verification.EXPIRED;
        }
        return Verification.valid(text.substring(0, split));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The outcome of {@link #verify}: the user id when valid, else why not. */
    public record Verification(Status status, String userId) {
        static final Verification INVALID = new Verification(Status.INVALID, null);
        static final Verification EXPIRED = new Verification(Status.EXPIRED, null);

        static Verification valid(String userId) {
            return new Verification(Status.VALID, userId);
        }

        public boolean isValid() {
            return status == Status.VALID;
        }

        @Override
        public String toString() {
            return "Verification[" + status + "]";
        }
    }

    public enum Status {
        VALID,
        INVALID,
        EXPIRED
    }
}
