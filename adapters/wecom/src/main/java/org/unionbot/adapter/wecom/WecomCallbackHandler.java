package org.unionbot.adapter.wecom;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.crypto.CallbackCrypto;
import org.unionbot.crypto.CallbackCryptoException;
import org.unionbot.crypto.CallbackXml;

/**
 * The WeCom app callback without the web framework: verify → decrypt → map → engine → render.
 *
 * <p>WeCom callbacks are always encrypted. URL verification decrypts {@code echostr} and returns the
 * plaintext exactly (no newline, no quotes — platforms.md §2.1). Every request must carry a valid
 * {@code msg_signature} (over token, timestamp, nonce and the ciphertext), a timestamp within
 * {@code max-clock-skew}, and a plaintext whose receive id is the corp id; a message for another app
 * ({@code AgentID}) of the same corp is refused too. Forged, stale or misaddressed requests get 403
 * and never reach the engine; malformed ones (or a DTD) get 400.
 *
 * <p>Mapping: text (with {@code MsgId}, the duplicate guard's key); {@code enter_agent} and
 * {@code subscribe} → the help, with a welcome and, for an unbound member, the binding guide; menu
 * {@code click} → the command named by the key; {@code template_card_event} → the button's key followed
 * by the chosen option ids (a vote card's submission becomes the poll command's text). Events carry no
 * MsgId, so retries are recognised by (sender, CreateTime). Deferred and Silent answers are an empty
 * 200, after which the answer follows through {@link WecomMessenger}.
 */
final class WecomCallbackHandler {

    record Response(int status, String body) {
        static Response ok(String body) {
            return new Response(200, body);
        }

        static Response refuse(int status) {
            return new Response(status, "");
        }
    }

    private record App(WecomSettings.Account account, CallbackCrypto crypto) {}

    private record Inbound(InboundMessage message, boolean welcome) {}

    private final WecomSettings settings;
    private final Map<String, App> apps = new HashMap<>();
    private final ConversationEngine engine;
    private final MemberRepository members;
    private final Messages messages;
    private final WecomMessenger messenger;
    private final Clock clock;

    WecomCallbackHandler(WecomSettings settings, ConversationEngine engine, MemberRepository members, Messages messages,
                         WecomMessenger messenger, Clock clock) {
        this.settings = settings;
        this.engine = engine;
        this.members = members;
        this.messages = messages;
        this.messenger = messenger;
        this.clock = clock;
        for (WecomSettings.Account account : settings.accounts()) {
            apps.put(account.corpId() + "/" + account.agentId(),
                    new App(account, new CallbackCrypto(account.token(), account.aesKey(), account.corpId())));
        }
    }

    Response verify(String corpId, String agentId, Map<String, String> query) {
        App app = apps.get(corpId + "/" + agentId);
        if (app == null) {
            return Response.refuse(404);
        }
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        String echostr = query.get("echostr");
        if (timestamp == null || nonce == null || echostr == null) {
            return Response.refuse(400);
        }
        if (!fresh(timestamp) || !app.crypto().verify(query.get("msg_signature"), timestamp, nonce, echostr)) {
            return Response.refuse(403);
        }
        try {
            return Response.ok(app.crypto().decrypt(echostr));
        } catch (CallbackCryptoException e) {
            return Response.refuse(403);
        }
    }

    Response receive(String corpId, String agentId, Map<String, String> query, String body) {
        App app = apps.get(corpId + "/" + agentId);
        if (app == null) {
            return Response.refuse(404);
        }
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        if (timestamp == null || nonce == null) {
            return Response.refuse(400);
        }
        if (!fresh(timestamp)) {
            return Response.refuse(403);
        }
        CallbackXml xml;
        try {
            CallbackXml outer = CallbackXml.parse(body);
            String encrypted = outer.get("Encrypt").orElse(null);
            if (encrypted == null) {
                return Response.refuse(400);
            }
            if (!app.crypto().verify(query.get("msg_signature"), timestamp, nonce, encrypted)) {
                return Response.refuse(403);
            }
            String plain;
            try {
                plain = app.crypto().decrypt(encrypted);
            } catch (CallbackCryptoException wrongCorp) {
                return Response.refuse(403);
            }
            xml = CallbackXml.parse(plain);
        } catch (CallbackCryptoException malformed) {
            return Response.refuse(400);
        }
        Optional<String> innerAgent = xml.get("AgentID");
        if (innerAgent.isPresent() && !innerAgent.get().equals(String.valueOf(app.account().agentId()))) {
            return Response.refuse(403); // signed by the corp, but meant for another of its apps
        }
        Optional<Inbound> inbound;
        try {
            inbound = map(xml);
        } catch (IllegalArgumentException malformed) {
            return Response.refuse(400);
        }
        if (inbound.isEmpty()) {
            return Response.ok("");
        }
        InboundMessage message = inbound.get().message();
        messenger.sawMessage(app.account(), message.senderId());
        Reply reply = engine.handle(message);
        if (!(reply instanceof Reply.Say say)) {
            return Response.ok(""); // WeCom: an empty 200 means "no reply"; the answer may follow by message/send
        }
        String text = inbound.get().welcome() ? welcome(message, say) : say.text();
        String replyXml = "<xml><ToUserName>" + CallbackXml.cdata(message.senderId()) + "</ToUserName><FromUserName>"
                + CallbackXml.cdata(corpId) + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType>" + CallbackXml.cdata("text") + "</MsgType><Content>" + CallbackXml.cdata(text)
                + "</Content></xml>";
        return Response.ok(encrypted(app.crypto(), replyXml));
    }

    private Optional<Inbound> map(CallbackXml xml) {
        String userId = xml.get("FromUserName").orElseThrow(() -> new IllegalArgumentException("no FromUserName"));
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(
                xml.get("CreateTime").orElseThrow(() -> new IllegalArgumentException("no CreateTime"))));
        String msgType = xml.get("MsgType").orElse("").toLowerCase(Locale.ROOT);
        if (msgType.equals("event")) {
            String event = xml.get("Event").orElse("").toLowerCase(Locale.ROOT);
            return switch (event) {
                case "enter_agent", "subscribe" -> Optional.of(new Inbound(text(userId, "帮助", null, sentAt), true));
                case "click" -> xml.get("EventKey").map(key -> new Inbound(text(userId, key, null, sentAt), false));
                case "template_card_event" -> xml.get("EventKey").map(key -> {
                    List<String> options = xml.all("OptionId");
                    String command = options.isEmpty() ? key : key + " " + String.join(" ", options);
                    return new Inbound(text(userId, command, null, sentAt), false);
                });
                default -> Optional.empty();
            };
        }
        String text = msgType.equals("text") ? Optional.ofNullable(xml.raw("Content")).orElse("") : "";
        return Optional.of(new Inbound(text(userId, text, xml.get("MsgId").orElse(null), sentAt), false));
    }

    private static InboundMessage text(String userId, String text, String msgId, Instant sentAt) {
        return InboundMessage.privateText(Platform.WECOM, userId, text, msgId, sentAt);
    }

    private String welcome(InboundMessage message, Reply.Say help) {
        StringBuilder text = new StringBuilder(WecomTexts.get("welcome")).append("\n\n").append(help.text());
        if (members.findByIdentity(Platform.WECOM, message.senderId()).isEmpty()) {
            text.append("\n\n").append(messages.get("binding.guide"));
        }
        return text.toString();
    }

    private String encrypted(CallbackCrypto crypto, String replyXml) {
        String encrypted = crypto.encrypt(replyXml);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = CallbackCrypto.nonce();
        return "<xml><Encrypt>" + CallbackXml.cdata(encrypted) + "</Encrypt><MsgSignature>"
                + CallbackXml.cdata(crypto.sign(timestamp, nonce, encrypted)) + "</MsgSignature><TimeStamp>" + timestamp
                + "</TimeStamp><Nonce>" + CallbackXml.cdata(nonce) + "</Nonce></xml>";
    }

    private boolean fresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        return settings.maxClockSkew().isZero()
                || Math.abs(clock.instant().getEpochSecond() - seconds) <= settings.maxClockSkew().toSeconds();
    }
}
