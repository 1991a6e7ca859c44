package org.unionbot.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fits arbitrary string keys into the VARCHAR(191) key columns. A longer key is replaced by its
 * SHA-256, never truncated: two long keys sharing their first 191 characters must stay two keys (a
 * truncated dedup key would swallow a genuinely new message as a "retry").
 */
final class DbKeys {

    static final int MAX_KEY_CHARS = 191;

    private static final String HASHED_PREFIX = "sha256:";

    private DbKeys() {}

    static String fit(String key) {
        if (key.codePointCount(0, key.length()) <= MAX_KEY_CHARS) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HASHED_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
