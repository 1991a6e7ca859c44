package org.unionbot.adapter.wecom;

import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.testing.DocumentedCrypto;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.engine.ProcessedMessageLog;
import org.unionbot.core.engine.StandardEngine;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/** A real engine behind the WeCom callback handler, and the requests WeCom would send. */
final class WecomFixture implements AutoCloseable {
    static final String CORP = "wwcorp0000000001";
    static final long AGENT = 1000002;
    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String WANG = "WangFang";

    final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());
    final List<String> engineSaw = new CopyOnWriteArrayList<>();
    final ConversationEngine engine;
    final WecomSettings settings;
    final WecomMessenger messenger;
    final WecomCallbackHandler handler;

    WecomFixture(URI apiBase, EngineSettings engineSettings, Command... commands) {
        this(apiBase, engineSettings, (harness, messenger) -> List.of(commands));
    }

    /** For commands that need the fixture's roster or its WeCom messenger (the poll feature's). */
    WecomFixture(URI apiBase, EngineSettings engineSettings,
                 java.util.function.BiFunction<ConversationHarness, WecomMessenger, List<Command>> commands) {
        long wang = harness.members.findByIdentity(Platform.WEB, "t001").orElseThrow().id();
        harness.members.bindIdentity(new PlatformIdentity(Platform.WECOM, WANG, wang));
        settings = new WecomSettings(List.of(new WecomSettings.Account(CORP, AGENT, "app-secret", TOKEN, AES_KEY)),
                List.of(), apiBase, Duration.ofMinutes(5), Duration.ofMillis(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
        messenger = new WecomMessenger(settings, new WecomClients(settings, harness.clock),
                new MemberRateLimit(harness.clock));
        ProcessedMessageLog log = (key, at) -> {
            engineSaw.add(key);
            return harness.processed.recordFirst(key, at);
        };
        engine = StandardEngine.build(new StandardEngine.Parts(harness.members, log, harness.binding, messenger,
                harness.messages, engineSettings, commands.apply(harness, messenger), null));
        handler = new WecomCallbackHandler(settings, engine, harness.members, harness.messages, messenger, harness.clock);
    }

    WecomFixture(Command... commands) {
        this(URI.create("http://127.0.0.1:9"), new EngineSettings(Duration.ofSeconds(4), 4, 100), commands);
    }

    String now() {
        return Long.toString(harness.clock.instant().getEpochSecond());
    }

    static String textXml(String userId, String content, long msgId, String createTime, long agentId) {
        return "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + userId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>" + agentId + "</AgentID></xml>";
    }

    static String eventXml(String userId, String event, String eventKey, String createTime, String extra) {
        return "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[" + userId
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + extra
                + "<AgentID>" + AGENT + "</AgentID></xml>";
    }

    CallbackAnswer post(String xml, String timestamp, String receiveId) throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, xml, receiveId);
        return handler.receive(CORP, Long.toString(AGENT), query(timestamp, encrypted), body(encrypted));
    }

    static String body(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[" + AGENT + "]]></AgentID></xml>";
    }

    static Map<String, String> query(String timestamp, String encrypted) throws Exception {
        Map<String, String> query = new HashMap<>();
        query.put("timestamp", timestamp);
        query.put("nonce", "1372623149");
        query.put("msg_signature", DocumentedCrypto.sha1Sorted(TOKEN, timestamp, "1372623149", encrypted));
        return query;
    }

    static String open(String body) throws Exception {
        String encrypted = DocumentedCrypto.field(body, "Encrypt");
        String signature = DocumentedCrypto.field(body, "MsgSignature");
        if (!DocumentedCrypto.sha1Sorted(TOKEN, DocumentedCrypto.field(body, "TimeStamp"), DocumentedCrypto.field(body, "Nonce"),
                encrypted).equals(signature)) {
            throw new AssertionError("reply signature does not verify");
        }
        String[] opened = DocumentedCrypto.decrypt(AES_KEY, encrypted);
        if (!opened[1].equals(CORP)) {
            throw new AssertionError("reply encrypted for " + opened[1]);
        }
        return opened[0];
    }

    @Override
    public void close() {
        engine.close();
    }
}
