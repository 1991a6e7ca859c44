package org.unionbot.adapter.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the confidential entries of a durable web inbox (AES-256-GCM). A deferred answer to a secret vote
 * names the member's choice and receipt code, and the inbox row names the member: stored in clear, anyone
 * able to read the database could open the ballot. The key is never in the database: it is derived from
 * the configured web link secret ({@code unionbot.web.link-secret}, the same on every instance), or, when
 * none is configured (the demo), made at start-up and lost with the process, so an entry sealed before a
 * restart can no longer be opened and the member is told so instead.
 */
public final class WebInboxSeal {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private WebInboxSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal of {@code linkSecret} (null or blank: a key of this process only). */
    public static WebInboxSeal of(String linkSecret) {
        if (linkSecret == null || linkSecret.isBlank()) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new WebInboxSeal(key);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(linkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            // a key of its own, so a sealed entry never doubles as a signed link or the other way round
            return new WebInboxSeal(mac.doFinal("unionbot web inbox seal v1".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1:} and base64 of nonce and ciphertext; the web user is bound in as associated data. */
    public String seal(String webUserId, String text) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(webUserId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text sealed for {@code webUserId}, or empty when it cannot be opened (another key: a restart
     * without a configured link secret; or a row moved to another user).
     */
    public Optional<String> open(String webUserId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(webUserId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** What the member reads instead of an entry that can no longer be opened. */
    public static String unreadableNotice() {
        return WebTexts.get("inbox.sealedUnreadable");
    }
}
