package org.unionbot.adapter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.crypto.CallbackCrypto;

import tools.jackson.databind.JsonNode;

/**
 * Event subscription (platforms.md §3.5) with the shared crypto: the URL check, a 22-byte pad, forged,
 * stale, replayed and foreign requests.
 */
class EventCallbackIT {
    static final String TOKEN = "eventtoken123";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private DingTalkFixture dt = fixture(Duration.ofMinutes(5));
    private MockMvc mvc = MockMvcBuilders.standaloneSetup(new EventCallbackController(dt.parts)).build();
    private final CallbackCrypto dingTalk = new CallbackCrypto(TOKEN, AES_KEY, DingTalkFixture.APP_KEY);

    private static DingTalkFixture fixture(Duration skew) {
        var app = new DingTalkSettings.App(DingTalkFixture.APP_KEY, DingTalkFixture.APP_SECRET,
                DingTalkFixture.ROBOT_CODE, "http", TOKEN, AES_KEY, null);
        return new DingTalkFixture(List.of(app), List.of(), GroupRobotSender.Limits.DINGTALK, skew,
                Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        dt.close();
    }

    private MvcResult postEvent(CallbackCrypto signer, String event, long timestamp, String nonce, int expected)
            throws Exception {
        String encrypt = signer.encrypt(event);
        String ts = Long.toString(timestamp);
        return postRaw(signer.sign(ts, nonce, encrypt), ts, nonce, encrypt, expected);
    }

    private MvcResult postRaw(String signature, String ts, String nonce, String encrypt, int expected)
            throws Exception {
        return mvc.perform(post("/callback/dingtalk/events/" + DingTalkFixture.APP_KEY)
                        .param("msg_signature", signature).param("timestamp", ts).param("nonce", nonce)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DingTalkJson.write(DingTalkJson.object().put("encrypt", encrypt))))
                .andExpect(status().is(expected)).andReturn();
    }

    @Test
    void urlCheckIsAnsweredWithTheEncryptedSuccessMap() throws Exception {
        MvcResult result = postEvent(dingTalk, "{\"EventType\":\"check_url\"}", System.currentTimeMillis(),
                "nonce001", 200);

        JsonNode map = DingTalkJson.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        String encrypt = map.path("encrypt").asString();
        assertThat(dingTalk.decrypt(encrypt)).isEqualTo("success");
        assertThat(map.path("msg_signature").asString())
                .isEqualTo(dingTalk.sign(map.path("timeStamp").asString(), map.path("nonce").asString(), encrypt));
        assertThat(map.path("nonce").asString()).hasSize(16);
    }

    @Test
    void aTwentyTwoBytePadIsDecrypted() throws Exception {
        // 16 random + 4 length + 41 message + 13 app key = 74 bytes, so the pad is 32 - 74 % 32 = 22 bytes:
        // more than a 16-byte PKCS#5 block could hold.
        String event = "{\"EventType\":\"check_url\",\"x\":\"123456789\"}";
        assertThat(event.getBytes(StandardCharsets.UTF_8)).hasSize(41);
        String encrypt = dingTalk.encrypt(event);
        assertThat(lastPlainByte(encrypt)).isEqualTo(22);

        String ts = Long.toString(System.currentTimeMillis());
        postRaw(dingTalk.sign(ts, "nonce22", encrypt), ts, "nonce22", encrypt, 200);
    }

    /** Decrypts with the documented scheme (AES-256-CBC, IV = first 16 key bytes, no padding). */
    private static int lastPlainByte(String encrypt) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
        return plain[plain.length - 1] & 0xff;
    }

    @Test
    void forgedSignatureIsRefused() throws Exception {
        var forger = new CallbackCrypto("not-the-token", AES_KEY, DingTalkFixture.APP_KEY);
        postEvent(forger, "{\"EventType\":\"check_url\"}", System.currentTimeMillis(), "n1", 403);
        String encrypt = dingTalk.encrypt("{\"EventType\":\"check_url\"}");
        String ts = Long.toString(System.currentTimeMillis());
        postRaw(dingTalk.sign(ts, "n2", encrypt), ts, "n2-changed", encrypt, 403);
    }

    @Test
    void eventEncryptedForAnotherAppIsRefused() throws Exception {
        var otherApp = new CallbackCrypto(TOKEN, AES_KEY, "dingotherapp");
        postEvent(otherApp, "{\"EventType\":\"check_url\"}", System.currentTimeMillis(), "n3", 403);
    }

    @Test
    void staleAndReplayedRequestsAreRefused() throws Exception {
        postEvent(dingTalk, "{\"EventType\":\"user_add_org\"}", System.currentTimeMillis() - 6 * 60_000L, "n4", 403);

        String encrypt = dingTalk.encrypt("{\"EventType\":\"user_add_org\"}");
        String ts = Long.toString(System.currentTimeMillis());
        String signature = dingTalk.sign(ts, "n5", encrypt);
        postRaw(signature, ts, "n5", encrypt, 200);
        postRaw(signature, ts, "n5", encrypt, 403);
    }

    @Test
    void zeroClockSkewTurnsTheReplayWindowOff() throws Exception {
        dt.close();
        dt = fixture(Duration.ZERO);
        mvc = MockMvcBuilders.standaloneSetup(new EventCallbackController(dt.parts)).build();
        postEvent(dingTalk, "{\"EventType\":\"check_url\"}", System.currentTimeMillis() - 3_600_000L, "n6", 200);
    }
}
