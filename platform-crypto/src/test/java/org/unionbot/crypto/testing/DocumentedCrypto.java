package org.unionbot.crypto.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's side of the callback crypto, written for the tests straight from the documented
 * algorithm (platforms.md §0) and deliberately NOT with the production {@code CallbackCrypto}: a shared
 * mistake would otherwise pass every test.
 */
public final class DocumentedCrypto {
    private DocumentedCrypto() {
    }

    public static String sha1Sorted(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    public static String encrypt(String aesKey, String message, String receiveId) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 20 + msg.length + id.length;
        int pad = 32 - length % 32;
        ByteBuffer buffer = ByteBuffer.allocate(length + pad);
        buffer.put("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            buffer.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
    }

    /** Returns {message, receiveId}. */
    public static String[] decrypt(String aesKey, String encrypted) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1] & 0xFF;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String receiveId = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
        return new String[] {message, receiveId};
    }

    /** The text between {@code <Tag>} and {@code </Tag>}, CDATA removed (test-only, simple documents). */
    public static String field(String xml, String tag) {
        int start = xml.indexOf("<" + tag + ">");
        int end = xml.indexOf("</" + tag + ">");
        if (start < 0 || end < 0) {
            return null;
        }
        String inner = xml.substring(start + tag.length() + 2, end);
        return inner.replace("]]]]><![CDATA[>", "]]>").replaceAll("^<!\\[CDATA\\[|]]>$", "");
    }
}
