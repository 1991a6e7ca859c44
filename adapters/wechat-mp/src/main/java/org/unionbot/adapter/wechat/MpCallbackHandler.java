package org.unionbot.adapter.wechat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.CallbackCrypto;
import org.unionbot.crypto.CallbackCryptoException;
import org.unionbot.crypto.CallbackEnvelope;
import org.unionbot.crypto.CallbackXml;

/**
 * The Official Account callback without the web framework: verify → decrypt → map → engine → render.
 *
 * <p>Nothing reaches the engine before the request proved it comes from WeChat: the signature (over
 * token, timestamp, nonce, and in aes mode the {@code Encrypt} field, checked with {@code msg_signature}
 * — platforms.md §1.2), the timestamp within {@code max-clock-skew} (a captured request cannot be
 * replayed later), and in aes mode the receive id inside the plaintext equal to the account's app id.
 * A forged or stale request gets 403, a malformed one (or one carrying a DTD) 400.
 *
 * <p>Retries: WeChat re-sends after 5 s. The mapped message carries {@code MsgId} (or, for events, the
 * sender and {@code CreateTime}), which is what the engine's duplicate guard keys on, so a retry runs
 * nothing twice. The engine answers within its budget (4 s by default) or says Deferred; Deferred and
 * Silent become {@code success}, after which WeChat neither shows an error nor retries, and the answer
 * follows as a customer-service message through {@link WechatMpOutbound}.
 */
final class MpCallbackHandler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MpCallbackHandler.class.getName());
    /** Passive replies longer than this are cut by WeChat (observed ≈2048 bytes, platforms.md §1.5). */
    static final int PASSIVE_REPLY_MAX_BYTES = 2048;
    static final String SUCCESS = "success";

    private final CallbackEnvelope envelope;
    private final Map<String, CallbackCrypto> cryptos = new HashMap<>();
    private final ConversationEngine engine;
    private final MemberRepository members;
    private final Messages messages;
    private final MpContacts contacts;
    private final WechatMpOutbound outbound;
    private final Executor background;
    private final Clock clock;

    MpCallbackHandler(WechatMpSettings settings, ConversationEngine engine, MemberRepository members,
                      Messages messages, MpContacts contacts, WechatMpOutbound outbound, Executor background,
                      Clock clock) {
        this.envelope = new CallbackEnvelope(clock, settings.maxClockSkew());
        this.engine = engine;
        this.members = members;
        this.messages = messages;
        this.contacts = contacts;
        this.outbound = outbound;
        this.background = background;
        this.clock = clock;
        for (WechatMpSettings.Account account : settings.accounts()) {
            cryptos.put(account.appId(), new CallbackCrypto(account.token(), account.aesKey(), account.appId()));
        }
    }

    /** URL verification: {@code echostr} verbatim when the signature and timestamp hold. */
    CallbackAnswer verify(String appId, Map<String, String> query) {
        CallbackCrypto crypto = cryptos.get(appId);
        if (crypto == null) {
            return CallbackAnswer.refuse(404);
        }
        // Unlike WeCom, the OA signs verification with `signature` over token, timestamp and nonce only, in
        // every mode, and wants echostr back as it came.
        return envelope.verifyUrl(query, (timestamp, nonce, echostr) ->
                crypto.verify(query.get("signature"), timestamp, nonce) ? Optional.of(echostr) : Optional.empty());
    }

    /** A message or event. */
    CallbackAnswer receive(String appId, Map<String, String> query, String body) {
        CallbackCrypto crypto = cryptos.get(appId);
        if (crypto == null) {
            return CallbackAnswer.refuse(404);
        }
        // The console's mode shows in the query: encrypt_type=aes (safe or compatible mode) wraps the message
        // in the shared envelope; without it the message comes in plain text.
        boolean aes = "aes".equalsIgnoreCase(query.get("encrypt_type"));
        CallbackEnvelope.Opening opening = aes ? envelope.open(crypto, query, body) : openPlain(crypto, query, body);
        if (opening instanceof CallbackEnvelope.Refused refused) {
            return refused.answer();
        }
        CallbackXml xml = ((CallbackEnvelope.Opened) opening).xml();
        Optional<Inbound> inbound;
        try {
            inbound = map(appId, xml);
        } catch (IllegalArgumentException malformed) {
            return CallbackAnswer.refuse(400);
        }
        if (inbound.isEmpty()) {
            return CallbackAnswer.ok(SUCCESS);
        }
        Inbound in = inbound.get();
        contacts.sawMessage(appId, in.message().senderId());
        Reply reply = engine.handle(in.message());
        if (!(reply instanceof Reply.Say say)) {
            return CallbackAnswer.ok(SUCCESS);
        }
        String text = in.welcome() ? welcome(in.message(), say) : say.text();
        if (text.getBytes(StandardCharsets.UTF_8).length > PASSIVE_REPLY_MAX_BYTES) {
            // Too long for a passive reply: acknowledge now, send the whole text as a customer-service message.
            Recipient recipient = new Recipient(Platform.WECHAT_MP, in.message().conversation(), in.message().senderId());
            Reply.Say whole = Reply.text(text);
            background.execute(() -> {
                try {
                    outbound.deliver(recipient, whole);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "long answer could not be sent as a customer-service message: {0}", e.getMessage());
                }
            });
            return CallbackAnswer.ok(SUCCESS);
        }
        String replyXml = passiveText(xml.get("FromUserName").orElseThrow(), xml.get("ToUserName").orElse(""), text);
        return CallbackAnswer.ok(aes ? envelope.seal(crypto, replyXml) : replyXml);
    }

    /**
     * Plain mode, which only the OA has: the same timestamp checks as the envelope, then {@code signature}
     * over token, timestamp and nonce (the body itself is not signed), then the body as it came.
     */
    private CallbackEnvelope.Opening openPlain(CallbackCrypto crypto, Map<String, String> query, String body) {
        Optional<CallbackEnvelope.Refused> stamp = envelope.checkStamp(query);
        if (stamp.isPresent()) {
            return stamp.get();
        }
        if (!crypto.verify(query.get("signature"), query.get("timestamp"), query.get("nonce"))) {
            return new CallbackEnvelope.Refused(403);
        }
        try {
            return new CallbackEnvelope.Opened(CallbackXml.parse(body));
        } catch (CallbackCryptoException malformed) {
            return new CallbackEnvelope.Refused(400);
        }
    }

    /** The engine's view of the callback; {@code welcome} marks a subscribe event. */
    private record Inbound(InboundMessage message, boolean welcome) {}

    private Optional<Inbound> map(String appId, CallbackXml xml) {
        String openId = xml.get("FromUserName").orElseThrow(() -> new IllegalArgumentException("no FromUserName"));
        long createTime = Long.parseLong(xml.get("CreateTime").orElseThrow(() -> new IllegalArgumentException("no CreateTime")));
        Instant sentAt = Instant.ofEpochSecond(createTime);
        String msgType = xml.get("MsgType").orElse("").toLowerCase(Locale.ROOT);
        if (msgType.equals("event")) {
            // OA upper-cases CLICK/VIEW/SCAN but not subscribe (platforms.md §1.3): compare ignoring case.
            String event = xml.get("Event").orElse("").toLowerCase(Locale.ROOT);
            return switch (event) {
                case "subscribe" -> Optional.of(new Inbound(
                        InboundMessage.privateText(Platform.WECHAT_MP, openId, "帮助", null, sentAt), true));
                case "click" -> xml.get("EventKey").map(key -> new Inbound(
                        InboundMessage.privateText(Platform.WECHAT_MP, openId, key, null, sentAt), false));
                // unsubscribe, VIEW (the page opens by itself), SCAN, LOCATION, …: nothing to answer
                default -> Optional.empty();
            };
        }
        String msgId = xml.get("MsgId").orElse(null);
        // Images, voice and the like reach the engine as empty text: it asks for text.
        String text = msgType.equals("text") ? Optional.ofNullable(xml.raw("Content")).orElse("") : "";
        return Optional.of(new Inbound(InboundMessage.privateText(Platform.WECHAT_MP, openId, text, msgId, sentAt), false));
    }

    /** A new follower: the welcome, what the bot can do, and (when not yet bound) how to bind. */
    private String welcome(InboundMessage message, Reply.Say help) {
        StringBuilder text = new StringBuilder(MpTexts.get("welcome")).append("\n\n").append(help.text());
        if (members.findByIdentity(Platform.WECHAT_MP, message.senderId()).isEmpty()) {
            text.append("\n\n").append(messages.get("binding.guide"));
        }
        return text.toString();
    }

    private String passiveText(String toUser, String fromUser, String content) {
        return "<xml><ToUserName>" + CallbackXml.cdata(toUser) + "</ToUserName><FromUserName>" + CallbackXml.cdata(fromUser)
                + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime><MsgType>"
                + CallbackXml.cdata("text") + "</MsgType><Content>" + CallbackXml.cdata(content) + "</Content></xml>";
    }

    @Override
    public void close() {
        if (background instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdown();
        }
    }
}
