package org.unionbot.adapter.wechat;

import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.testing.DocumentedCrypto;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.engine.ProcessedMessageLog;
import org.unionbot.core.engine.StandardEngine;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * A real engine (the application's {@link StandardEngine} over the harness's in-memory ports) behind the
 * OA callback handler, with the requests WeChat would send, signed and encrypted by {@link DocumentedCrypto}.
 */
final class MpFixture implements AutoCloseable {
    static final String APP_ID = "wxb11529c136998cb6";
    static final String TOKEN = "pamtest";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String GH_ID = "gh_7f083739789a";
    static final String WANG_OPENID = "oWang-openid-0001";

    final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());
    /** Every message the engine's duplicate guard saw: the proof that a refused request reached nothing. */
    final List<String> engineSaw = new CopyOnWriteArrayList<>();
    final ConversationEngine engine;
    final MpContacts contacts;
    final MpCallbackHandler handler;
    final WechatMpSettings settings;
    final WechatMpOutbound outbound;

    MpFixture(URI apiBase, EngineSettings engineSettings, Command... commands) {
        this(apiBase, engineSettings, Duration.ofMinutes(5), commands);
    }

    MpFixture(URI apiBase, EngineSettings engineSettings, Duration maxSkew, Command... commands) {
        long wang = harness.members.findByIdentity(Platform.WEB, "t001").orElseThrow().id();
        harness.members.bindIdentity(new PlatformIdentity(Platform.WECHAT_MP, WANG_OPENID, wang));
        settings = new WechatMpSettings(List.of(new WechatMpSettings.Account(APP_ID, "the-app-secret", TOKEN, AES_KEY)),
                apiBase, maxSkew, Duration.ofMillis(10));
        contacts = new MpContacts(harness.clock);
        outbound = new WechatMpOutbound(settings, new MpClients(settings, harness.clock), contacts);
        ProcessedMessageLog log = (key, at) -> {
            engineSaw.add(key);
            return harness.processed.recordFirst(key, at);
        };
        engine = StandardEngine.build(new StandardEngine.Parts(harness.members, log, harness.binding, outbound,
                harness.messages, engineSettings, List.of(commands), null));
        Executor direct = Runnable::run;
        handler = new MpCallbackHandler(settings, engine, harness.members, harness.messages, contacts, outbound,
                direct, harness.clock);
    }

    MpFixture() {
        this(URI.create("http://127.0.0.1:9"), new EngineSettings(Duration.ofSeconds(4), 4, 100));
    }

    String now() {
        return Long.toString(harness.clock.instant().getEpochSecond());
    }

    static String textXml(String openId, String content, long msgId, String createTime) {
        return "<xml><ToUserName><![CDATA[" + GH_ID + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String eventXml(String openId, String event, String eventKey, String createTime) {
        return "<xml><ToUserName><![CDATA[" + GH_ID + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + "</xml>";
    }

    /** A plain-mode POST as WeChat sends it. */
    CallbackAnswer postPlain(String xml, String timestamp) throws Exception {
        Map<String, String> query = new HashMap<>();
        query.put("timestamp", timestamp);
        query.put("nonce", "n0nce");
        query.put("signature", DocumentedCrypto.sha1Sorted(TOKEN, timestamp, "n0nce"));
        query.put("openid", "ignored");
        return handler.receive(APP_ID, query, xml);
    }

    /** A safe-mode POST: the message encrypted for {@code receiveId} and signed with msg_signature. */
    CallbackAnswer postAes(String xml, String timestamp, String receiveId) throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, xml, receiveId);
        Map<String, String> query = aesQuery(timestamp, encrypted);
        return handler.receive(APP_ID, query, aesBody(encrypted));
    }

    static String aesBody(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + GH_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    }

    static Map<String, String> aesQuery(String timestamp, String encrypted) throws Exception {
        Map<String, String> query = new HashMap<>();
        query.put("timestamp", timestamp);
        query.put("nonce", "n0nce");
        query.put("signature", DocumentedCrypto.sha1Sorted(TOKEN, timestamp, "n0nce"));
        query.put("encrypt_type", "aes");
        query.put("msg_signature", DocumentedCrypto.sha1Sorted(TOKEN, timestamp, "n0nce", encrypted));
        return query;
    }

    /** Checks the encrypted reply as WeChat would and returns the decrypted passive-reply XML. */
    static String openEncryptedReply(String body) throws Exception {
        String encrypted = DocumentedCrypto.field(body, "Encrypt");
        String signature = DocumentedCrypto.field(body, "MsgSignature");
        String timestamp = DocumentedCrypto.field(body, "TimeStamp");
        String nonce = DocumentedCrypto.field(body, "Nonce");
        if (!DocumentedCrypto.sha1Sorted(TOKEN, timestamp, nonce, encrypted).equals(signature)) {
            throw new AssertionError("reply signature does not verify: " + body);
        }
        String[] opened = DocumentedCrypto.decrypt(AES_KEY, encrypted);
        if (!opened[1].equals(APP_ID)) {
            throw new AssertionError("reply encrypted for " + opened[1]);
        }
        return opened[0];
    }

    List<String> engineSaw() {
        return new ArrayList<>(engineSaw);
    }

    @Override
    public void close() {
        engine.close();
        harness.close();
    }
}
