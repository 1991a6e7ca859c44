package org.unionbot.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The callback crypto shared by the WeChat Official Account (safe mode), WeCom and DingTalk event
 * subscriptions ("WXBizMsgCrypt"), written from the documented algorithm in plain JCE:
 *
 * <ul>
 *   <li>key = Base64(EncodingAESKey + "="), 32 bytes (AES-256); IV = the key's first 16 bytes;
 *   <li>plaintext = random(16) | length(4, big-endian) | message (UTF-8) | receiveId (UTF-8);
 *   <li>padding PKCS#7 to a multiple of <b>32</b> bytes, so decryption uses NoPadding and strips the pad
 *       itself ({@code PKCS5Padding} fails whenever the pad exceeds 16, as DingTalk's 22-byte pads do);
 *   <li>signature = hex(SHA-1(concatenation of the sorted strings)).
 * </ul>
 *
 * <p>Unlike WxJava, decryption checks that the receive id is this account's (app id, corp id or app
 * key): a message encrypted for another account is refused. Signatures compare in constant time.
 */
public final class CallbackCrypto {
    private static final int BLOCK = 32;
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] key;
    private final String receiveId;

    /**
     * @param token the callback token configured in the platform's console
     * @param encodingAesKey the 43-character EncodingAESKey, or null for plain-text (non-encrypted) mode
     * @param receiveId the id the platform appends to every plaintext: OA app id, WeCom corp id,
     *     DingTalk app key
     */
    public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
        this.token = Objects.requireNonNull(token, "token");
        this.receiveId = Objects.requireNonNull(receiveId, "receiveId");
        if (encodingAesKey == null) {
            this.key = null;
        } else {
            if (!AES_KEY.matcher(encodingAesKey).matches()) {
                throw new IllegalArgumentException("an EncodingAESKey is 43 letters and digits");
            }
            this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        }
    }

    public boolean encrypts() {
        return key != null;
    }

    public String receiveId() {
        return receiveId;
    }

    /** hex(SHA-1(sorted parts joined)); with the token for callbacks: sign(timestamp, nonce[, encrypt]). */
    public String sign(String... parts) {
        String[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = token;
        return sha1OfSorted(all);
    }

    /** Checks a signature over (token + parts) in constant time; null or malformed input is simply false. */
    public boolean verify(String signature, String... parts) {
        if (signature == null) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    public String encrypt(String message) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, message);
    }

    /** Encryption with given random bytes: for the official test vectors only. */
    String encrypt(byte[] random16, String message) {
        requireKey();
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - (length % BLOCK);
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random16, 0, 16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is part of every JDK 17", e);
        }
    }

    /** Decrypts and returns the message, refusing anything malformed or meant for another receive id. */
    public String decrypt(String encrypted) throws CallbackCryptoException {
        requireKey();
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted == null ? "" : encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException("ciphertext is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw new CallbackCryptoException("ciphertext length is not a multiple of 32");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new CallbackCryptoException("decryption failed", e);
        }
        int pad = plain[plain.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new CallbackCryptoException("bad padding");
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new CallbackCryptoException("plaintext too short");
        }
        int msgLength = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (msgLength < 0 || 20 + msgLength > end) {
            throw new CallbackCryptoException("message length out of range");
        }
        String message = new String(plain, 20, msgLength, StandardCharsets.UTF_8);
        byte[] id = Arrays.copyOfRange(plain, 20 + msgLength, end);
        if (!MessageDigest.isEqual(id, receiveId.getBytes(StandardCharsets.UTF_8))) {
            throw new CallbackCryptoException("message was encrypted for another receive id");
        }
        return message;
    }

    /** 16 random letters and digits, as the platforms use for nonces. */
    public static String nonce() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder nonce = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            nonce.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return nonce.toString();
    }

    static String sha1OfSorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : sorted) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException("this account is in plain-text mode: no EncodingAESKey configured");
        }
    }

    @Override
    public String toString() {
        return "CallbackCrypto[receiveId=" + receiveId + ", token=***, aesKey=" + (key == null ? "(none)" : "***") + "]";
    }
}
