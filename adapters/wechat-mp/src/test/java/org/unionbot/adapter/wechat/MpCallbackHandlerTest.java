package org.unionbot.adapter.wechat;

import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.testing.DocumentedCrypto;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OA callback end to end with the real engine: signed and encrypted in, passive reply out. */
class MpCallbackHandlerTest {
    private final MpFixture fx = new MpFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void urlVerificationReturnsEchostrVerbatimWhenSigned() throws Exception {
        String ts = fx.now();
        Map<String, String> query = new HashMap<>(Map.of("timestamp", ts, "nonce", "xxxxxx", "echostr", "7128417492738",
                "signature", DocumentedCrypto.sha1Sorted(MpFixture.TOKEN, ts, "xxxxxx")));
        assertThat(fx.handler.verify(MpFixture.APP_ID, query)).isEqualTo(new CallbackAnswer(200, "7128417492738"));

        query.put("signature", "0".repeat(40));
        assertThat(fx.handler.verify(MpFixture.APP_ID, query).status()).isEqualTo(403);
        assertThat(fx.handler.verify("wx-unknown", query).status()).isEqualTo(404);
    }

    @Test
    void plainTextMessageIsAnsweredWithPassiveReplyXml() throws Exception {
        var response = fx.postPlain(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 1001, fx.now()), fx.now());

        assertThat(response.status()).isEqualTo(200);
        assertThat(DocumentedCrypto.field(response.body(), "ToUserName")).isEqualTo(MpFixture.WANG_OPENID);
        assertThat(DocumentedCrypto.field(response.body(), "FromUserName")).isEqualTo(MpFixture.GH_ID);
        assertThat(DocumentedCrypto.field(response.body(), "MsgType")).isEqualTo("text");
        assertThat(DocumentedCrypto.field(response.body(), "Content")).startsWith("王芳老师，您好。");
        assertThat(fx.engineSaw()).containsExactly("wechat_mp:m:" + MpFixture.WANG_OPENID + ":1001");
    }

    @Test
    void safeModeMessageGetsAnEncryptedReplyThatTheDocumentedAlgorithmOpens() throws Exception {
        var response = fx.postAes(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 1002, fx.now()), fx.now(), MpFixture.APP_ID);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("<xml><Encrypt>").doesNotContain("王芳");
        String reply = MpFixture.openEncryptedReply(response.body());
        assertThat(DocumentedCrypto.field(reply, "ToUserName")).isEqualTo(MpFixture.WANG_OPENID);
        assertThat(DocumentedCrypto.field(reply, "Content")).startsWith("王芳老师，您好。").contains("工号：T001");
    }

    @Test
    void unboundFollowerIsGuidedToBind() throws Exception {
        var response = fx.postAes(MpFixture.textXml("oStranger", "我是谁", 1003, fx.now()), fx.now(), MpFixture.APP_ID);
        assertThat(DocumentedCrypto.field(MpFixture.openEncryptedReply(response.body()), "Content"))
                .contains("绑定 工号 手机后四位");
    }

    @Test
    void bindingByStaffNumberBindsTheOpenId() throws Exception {
        var response = fx.postAes(MpFixture.textXml("oNewFollower", "绑定 C001 1234", 1004, fx.now()), fx.now(), MpFixture.APP_ID);
        assertThat(DocumentedCrypto.field(MpFixture.openEncryptedReply(response.body()), "Content")).contains("绑定成功").contains("李明");
        assertThat(fx.harness.members.findByIdentity(org.unionbot.core.message.Platform.WECHAT_MP, "oNewFollower"))
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("李明"));
    }

    @Test
    void forgedMessageSignatureIsRefusedBeforeTheEngine() throws Exception {
        String ts = fx.now();
        String encrypted = DocumentedCrypto.encrypt(MpFixture.AES_KEY, MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 1, ts), MpFixture.APP_ID);
        Map<String, String> query = MpFixture.aesQuery(ts, encrypted);
        query.put("msg_signature", DocumentedCrypto.sha1Sorted("wrong-token", ts, "n0nce", encrypted));

        assertThat(fx.handler.receive(MpFixture.APP_ID, query, MpFixture.aesBody(encrypted)).status()).isEqualTo(403);
        // The plain `signature` is valid, but in aes mode it does not cover the body (platforms.md §1.2).
        query.remove("msg_signature");
        assertThat(fx.handler.receive(MpFixture.APP_ID, query, MpFixture.aesBody(encrypted)).status()).isEqualTo(403);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void forgedPlainSignatureIsRefused() throws Exception {
        Map<String, String> query = new HashMap<>(Map.of("timestamp", fx.now(), "nonce", "n",
                "signature", DocumentedCrypto.sha1Sorted("guess", fx.now(), "n")));
        assertThat(fx.handler.receive(MpFixture.APP_ID, query,
                MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 5, fx.now())).status()).isEqualTo(403);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void messageEncryptedForAnotherAccountIsRefused() throws Exception {
        var response = fx.postAes(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 6, fx.now()), fx.now(), "wxSomeoneElse00001");
        assertThat(response.status()).isEqualTo(403);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void staleOrFutureTimestampIsRefusedAsReplay() throws Exception {
        long now = fx.harness.clock.instant().getEpochSecond();
        String stale = Long.toString(now - 301);
        String future = Long.toString(now + 301);
        assertThat(fx.postAes(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 7, stale), stale, MpFixture.APP_ID).status()).isEqualTo(403);
        assertThat(fx.postPlain(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 8, future), future).status()).isEqualTo(403);
        assertThat(fx.postPlain(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 9, "x"), "not-a-number").status()).isEqualTo(403);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void replayWindowCanBeTurnedOff() throws Exception {
        try (MpFixture lax = new MpFixture(java.net.URI.create("http://127.0.0.1:9"),
                new org.unionbot.core.engine.EngineSettings(Duration.ofSeconds(4), 2, 10), Duration.ZERO)) {
            String old = "1409304348";
            assertThat(lax.postPlain(MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 10, old), old).status()).isEqualTo(200);
        }
    }

    @Test
    void externalEntitiesAreRefusedInPlainAndSafeMode(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>" + MpFixture.WANG_OPENID + "</FromUserName><CreateTime>"
                + fx.now() + "</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>11</MsgId></xml>";

        var plain = fx.postPlain(xxe, fx.now());
        var safe = fx.postAes(xxe, fx.now(), MpFixture.APP_ID);

        assertThat(plain.status()).isEqualTo(400);
        assertThat(safe.status()).isEqualTo(400);
        assertThat(plain.body() + safe.body()).doesNotContain("root:x");
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void malformedBodiesAreBadRequests() throws Exception {
        assertThat(fx.postPlain("{\"not\":\"xml\"}", fx.now()).status()).isEqualTo(400);
        assertThat(fx.postPlain("<xml><MsgType>text</MsgType></xml>", fx.now()).status()).isEqualTo(400);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void retriedMsgIdRunsOnceAndTheRetryIsAcknowledged() throws Exception {
        String xml = MpFixture.textXml("oStranger2", "绑定 C001 0000", 4242, fx.now());
        var first = fx.postAes(xml, fx.now(), MpFixture.APP_ID);
        var retry = fx.postAes(xml, fx.now(), MpFixture.APP_ID);

        assertThat(DocumentedCrypto.field(MpFixture.openEncryptedReply(first.body()), "Content")).contains("绑定没有成功");
        assertThat(retry).isEqualTo(new CallbackAnswer(200, "success"));
        assertThat(fx.engineSaw()).containsExactly("wechat_mp:m:oStranger2:4242", "wechat_mp:m:oStranger2:4242");
    }

    @Test
    void subscribeIsWelcomedWithHelpAndTheBindingGuideAndItsRetryIsSilent() throws Exception {
        String xml = MpFixture.eventXml("oFresh", "subscribe", null, "1790000000");
        var response = fx.postPlain(xml, fx.now());
        var retry = fx.postPlain(xml, fx.now());

        String content = DocumentedCrypto.field(response.body(), "Content");
        assertThat(content).startsWith("欢迎关注学校工会").contains("我能帮您做这些事").contains("绑定 工号 手机后四位");
        assertThat(retry.body()).isEqualTo("success");
        assertThat(fx.engineSaw()).containsExactly("wechat_mp:e:oFresh:1790000000", "wechat_mp:e:oFresh:1790000000");
    }

    @Test
    void boundFollowerWhoResubscribesIsNotAskedToBind() throws Exception {
        var response = fx.postPlain(MpFixture.eventXml(MpFixture.WANG_OPENID, "subscribe", null, fx.now()), fx.now());
        assertThat(DocumentedCrypto.field(response.body(), "Content")).startsWith("欢迎关注学校工会").doesNotContain("绑定方法");
    }

    @Test
    void menuClickRunsTheCommandNamedByItsKey() throws Exception {
        var response = fx.postAes(MpFixture.eventXml(MpFixture.WANG_OPENID, "CLICK", "我是谁", fx.now()), fx.now(), MpFixture.APP_ID);
        assertThat(DocumentedCrypto.field(MpFixture.openEncryptedReply(response.body()), "Content")).startsWith("王芳老师，您好。");
    }

    @Test
    void unsubscribeAndViewEventsAreAcknowledgedWithoutTheEngine() throws Exception {
        assertThat(fx.postPlain(MpFixture.eventXml(MpFixture.WANG_OPENID, "unsubscribe", null, fx.now()), fx.now()).body()).isEqualTo("success");
        assertThat(fx.postPlain(MpFixture.eventXml(MpFixture.WANG_OPENID, "VIEW", "https://x", fx.now()), fx.now()).body()).isEqualTo("success");
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void nonTextMessagesAreAskedForText() throws Exception {
        String image = "<xml><ToUserName>gh</ToUserName><FromUserName>" + MpFixture.WANG_OPENID + "</FromUserName><CreateTime>"
                + fx.now() + "</CreateTime><MsgType>image</MsgType><PicUrl>http://x</PicUrl><MsgId>77</MsgId></xml>";
        assertThat(DocumentedCrypto.field(fx.postPlain(image, fx.now()).body(), "Content")).contains("请发送文字消息");
    }

    @Test
    void cdataTerminatorInAReplyCannotBreakTheXml() throws Exception {
        var response = fx.postPlain(MpFixture.textXml("o]]>evil", "我是谁", 12, fx.now()).replace("o]]>evil", "o]]]]><![CDATA[>evil"), fx.now());
        assertThat(response.status()).isEqualTo(200);
        assertThat(DocumentedCrypto.field(response.body(), "ToUserName")).isEqualTo("o]]>evil");
    }
}
