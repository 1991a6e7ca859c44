package org.unionbot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Safe-mode (aes) Official Account callbacks as WeChat sends them, built from the documented algorithm
 * (platforms.md §1.2) — for this application and for the WxJava demo peer alike, so both are driven by
 * byte-identical requests — and the reading of the encrypted passive reply.
 */
final class OaCallbacks {
    static final String APP_ID = "wxbench0000000001";
    static final String TOKEN = "benchToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt>\\s*<!\\[CDATA\\[([^\\]]+)\\]\\]>\\s*</Encrypt>");

    private OaCallbacks() {
    }

    /**
     * The in-scope questions of the labelled knowledge set (label ≠ "-"), so that every question is a
     * knowledge lookup with an answer and none becomes a stored hand-off.
     */
    static List<String> knowledgeQuestions() throws java.io.IOException {
        Path file = Path.of("bot-core/src/test/resources/org/unionbot/core/knowledge/questions.tsv");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 2))
                .filter(p -> p.length == 2 && !p[0].equals("-"))
                .map(p -> p[1])
                .toList();
    }

    /** A POST to {@code endpoint} carrying a text message from {@code openId}, encrypted and signed. */
    static HttpRequest request(URI endpoint, String openId, String text, long msgId) {
        try {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            String xml = "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[" + openId
                    + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                    + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
            String encrypted = encrypt(xml);
            String query = "signature=" + sha1(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=" + openId
                    + "&encrypt_type=aes&msg_signature=" + sha1(TOKEN, ts, nonce, encrypted);
            return HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
                    .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA["
                            + encrypted + "]]></Encrypt></xml>", StandardCharsets.UTF_8))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decrypted passive reply XML, or null when the body is not an encrypted reply for {@link #APP_ID}. */
    static String openReply(String body) {
        Matcher m = ENCRYPT.matcher(body);
        if (!m.find()) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(m.group(1)));
            int pad = plain[plain.length - 1];
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            String receiveId = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
            if (!receiveId.equals(APP_ID)) {
                return null;
            }
            return new String(plain, 20, length, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return null;
        }
    }

    private static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    private static String encrypt(String message) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = APP_ID.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        int length = 20 + msg.length + id.length;
        int pad = 32 - length % 32;
        ByteBuffer buffer = ByteBuffer.allocate(length + pad).put(random).putInt(msg.length).put(msg).put(id);
        while (buffer.hasRemaining()) {
            buffer.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
    }
}
