package org.unionbot.adapter.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two HmacSHA256 signatures of DingTalk robots (platforms.md §3.1, §3.2, pitfall 12). They share the
 * string to sign ({@code timestamp + "\n" + secret}, timestamp in milliseconds) but not the encoding:
 * the enterprise robot's {@code sign} header is plain Base64, the custom robot's URL parameter is
 * URL-encoded Base64. Two methods, so no caller picks the wrong one.
 */
final class RobotSignatures {
    private RobotSignatures() {
    }

    /** Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)). */
    static String base64(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code sign} URL parameter of a custom group robot's webhook. */
    static String customRobotUrlSign(long timestampMillis, String secret) {
        return URLEncoder.encode(base64(timestampMillis, secret), StandardCharsets.UTF_8);
    }

    /** Checks an enterprise robot callback's {@code sign} header in constant time. */
    static boolean verifyCallback(String sign, long timestampMillis, String appSecret) {
        if (sign == null) {
            return false;
        }
        byte[] expected = base64(timestampMillis, appSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sign.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The signature of an HTTP-mode interactive-card callback (platforms.md §3.6): header
     * {@code x-ddpaas-signature} = Base64(HmacSHA256(key = the callback's apiSecret, data = the decimal
     * {@code x-ddpaas-signature-timestamp})). Unlike the robot signs, the secret is not part of the data.
     */
    static String cardCallbackSign(long timestamp, String apiSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Checks a card callback's {@code x-ddpaas-signature} in constant time. */
    static boolean verifyCardCallback(String sign, long timestamp, String apiSecret) {
        if (sign == null || apiSecret == null || apiSecret.isBlank()) {
            return false;
        }
        byte[] expected = cardCallbackSign(timestamp, apiSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sign.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
