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
import org.unionbot.crypto.CallbackAnswer;
import org.unionbot.crypto.CallbackCrypto;
import org.unionbot.crypto.CallbackCryptoException;
import org.unionbot.crypto.CallbackEnvelope;
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

    private record App(WecomSettings.Account account, CallbackCrypto crypto) {}

    private record Inbound(InboundMessage message, boolean welcome) {}

    private final CallbackEnvelope envelope;
    private final Map<String, App> apps = new HashMap<>();
    private final ConversationEngine engine;
    private final MemberRepository members;
    private final Messages messages;
    private final WecomMessenger messenger;
    private final Clock clock;

    WecomCallbackHandler(WecomSettings settings, ConversationEngine engine, MemberRepository members, Messages messages,
                         WecomMessenger messenger, Clock clock) {
        this.envelope = new CallbackEnvelope(clock, settings.maxClockSkew());
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

    CallbackAnswer verify(String corpId, String agentId, Map<String, String> query) {
        App app = apps.get(corpId + "/" + agentId);
        if (app == null) {
            return CallbackAnswer.refuse(404);
        }
        // Unlike the OA, WeCom's echostr is itself a ciphertext: signed with msg_signature, answered decrypted.
        return envelope.verifyUrl(query, (timestamp, nonce, echostr) -> {
            if (!app.crypto().verify(query.get("msg_signature"), timestamp, nonce, echostr)) {
                return Optional.empty();
            }
            try {
                return Optional.of(app.crypto().decrypt(echostr));
            } catch (CallbackCryptoException wrongCorp) {
                return Optional.empty();
            }
        });
    }

    CallbackAnswer receive(String corpId, String agentId, Map<String, String> query, String body) {
        App app = apps.get(corpId + "/" + agentId);
        if (app == null) {
            return CallbackAnswer.refuse(404);
        }
        // WeCom has no plain mode: every message comes in the envelope, its receive id the corp id.
        CallbackEnvelope.Opening opening = envelope.open(app.crypto(), query, body);
        if (opening instanceof CallbackEnvelope.Refused refused) {
            return refused.answer();
        }
        CallbackXml xml = ((CallbackEnvelope.Opened) opening).xml();
        Optional<String> innerAgent = xml.get("AgentID");
        if (innerAgent.isPresent() && !innerAgent.get().equals(String.valueOf(app.account().agentId()))) {
            return CallbackAnswer.refuse(403); // signed by the corp, but meant for another of its apps
        }
        Optional<Inbound> inbound;
        try {
            inbound = map(xml);
        } catch (IllegalArgumentException malformed) {
            return CallbackAnswer.refuse(400);
        }
        if (inbound.isEmpty()) {
            return CallbackAnswer.ok("");
        }
        InboundMessage message = inbound.get().message();
        messenger.sawMessage(app.account(), message.senderId());
        Reply reply = engine.handle(message);
        if (!(reply instanceof Reply.Say say)) {
            return CallbackAnswer.ok(""); // WeCom: an empty 200 means "no reply"; the answer may follow by message/send
        }
        String text = inbound.get().welcome() ? welcome(message, say) : say.text();
        String replyXml = "<xml><ToUserName>" + CallbackXml.cdata(message.senderId()) + "</ToUserName><FromUserName>"
                + CallbackXml.cdata(corpId) + "</FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType>" + CallbackXml.cdata("text") + "</MsgType><Content>" + CallbackXml.cdata(text)
                + "</Content></xml>";
        return CallbackAnswer.ok(envelope.seal(app.crypto(), replyXml));
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
}
