package org.unionbot.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The signed, encrypted envelope that Official Account callbacks in safe mode and every WeCom callback
 * arrive in, and the one passive replies leave in (platforms.md §1.2, §2.1). Opening checks, in this order,
 * and refuses at the first failure:
 *
 * <ol>
 *   <li>{@code timestamp} and {@code nonce} present, else 400;
 *   <li>the timestamp within {@code maxClockSkew} of our clock, else 403 (a captured request cannot be
 *       replayed later);
 *   <li>the account has an EncodingAESKey, else 400 (encrypted on the console, plain here);
 *   <li>the body is a callback document with an {@code Encrypt} element, else 400;
 *   <li>{@code msg_signature} over token, timestamp, nonce and the ciphertext, else 403 — checked before
 *       decrypting, because CBC without a MAC decrypts a tampered ciphertext into a changed message;
 *   <li>the ciphertext decrypts and names this account as receive id, else 403;
 *   <li>the plaintext is a callback document, else 400 (a DTD too, see {@link CallbackXml}).
 * </ol>
 *
 * <p>What differs between the platforms stays with the adapters: the Official Account's plain mode (only
 * {@code signature} over timestamp and nonce, via {@link #checkStamp}), and the last step of URL
 * verification ({@link #verifyUrl}), where WeCom checks {@code msg_signature} over {@code echostr} and
 * decrypts it while the Official Account checks {@code signature} and returns {@code echostr} verbatim.
 */
public final class CallbackEnvelope {
    private final Clock clock;
    private final Duration maxClockSkew;

    /** @param maxClockSkew how far a callback's timestamp may be from {@code clock}; zero turns the check off */
    public CallbackEnvelope(Clock clock, Duration maxClockSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    /** The outcome of opening: a refusal's status, or the plaintext callback document. */
    public sealed interface Opening permits Refused, Opened {
    }

    /** The request must be refused with {@code status}; nothing of it may reach the engine. */
    public record Refused(int status) implements Opening {
        public CallbackAnswer answer() {
            return CallbackAnswer.refuse(status);
        }
    }

    /** The request proved its origin; {@code xml} is the plaintext document. */
    public record Opened(CallbackXml xml) implements Opening {
        public Opened {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /**
     * The callback's query parameters among {@code names}, absent ones left out. {@code parameter} is the web
     * framework's lookup, e.g. {@code request::getParameter}, which URL-decodes exactly once (so {@code +},
     * {@code /} and {@code =} in a Base64 echostr stay intact).
     */
    public static Map<String, String> query(Function<String, String> parameter, String... names) {
        Map<String, String> query = new HashMap<>();
        for (String name : names) {
            String value = parameter.apply(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        return query;
    }

    /** Steps 1 and 2: {@code timestamp} and {@code nonce} present (else 400) and fresh (else 403). */
    public Optional<Refused> checkStamp(Map<String, String> query) {
        String timestamp = query.get("timestamp");
        if (timestamp == null || query.get("nonce") == null) {
            return Optional.of(new Refused(400));
        }
        return fresh(timestamp) ? Optional.empty() : Optional.of(new Refused(403));
    }

    /**
     * A platform's own check of a URL verification, run once {@code echostr}, {@code timestamp} and
     * {@code nonce} are present and the timestamp is fresh: the text to echo, or empty when the signature (or
     * the decryption) fails.
     */
    @FunctionalInterface
    public interface Echo {
        Optional<String> answer(String timestamp, String nonce, String echostr);
    }

    /**
     * URL verification (the {@code GET} the platform sends when the callback URL is saved): {@code echostr},
     * {@code timestamp} and {@code nonce} present (else 400), the timestamp fresh (else 403), then the
     * platform's {@code echo} (empty: 403). The answer is the echo as plain text, to be written exactly.
     */
    public CallbackAnswer verifyUrl(Map<String, String> query, Echo echo) {
        String echostr = query.get("echostr");
        if (echostr == null) {
            return CallbackAnswer.refuse(400);
        }
        Optional<Refused> stamp = checkStamp(query);
        if (stamp.isPresent()) {
            return stamp.get().answer();
        }
        return echo.answer(query.get("timestamp"), query.get("nonce"), echostr)
                .map(CallbackAnswer::ok)
                .orElseGet(() -> CallbackAnswer.refuse(403));
    }

    /** Opens an encrypted callback: every step listed above, refusing at the first that fails. */
    public Opening open(CallbackCrypto crypto, Map<String, String> query, String body) {
        Optional<Refused> stamp = checkStamp(query);
        if (stamp.isPresent()) {
            return stamp.get();
        }
        if (!crypto.encrypts()) {
            return new Refused(400); // safe mode on the platform's console but no EncodingAESKey configured here
        }
        try {
            String encrypted = CallbackXml.parse(body).get("Encrypt").orElse(null);
            if (encrypted == null) {
                return new Refused(400);
            }
            // CallbackCrypto.verify compares in constant time: no timing oracle for forging a signature.
            if (!crypto.verify(query.get("msg_signature"), query.get("timestamp"), query.get("nonce"), encrypted)) {
                return new Refused(403);
            }
            String plain;
            try {
                plain = crypto.decrypt(encrypted);
            } catch (CallbackCryptoException wrongKeyOrAccount) {
                return new Refused(403); // signed, but not by this account's key or not for this account
            }
            return new Opened(CallbackXml.parse(plain));
        } catch (CallbackCryptoException malformed) {
            return new Refused(400);
        }
    }

    /**
     * A passive reply in the envelope both platforms expect: the reply encrypted for this account, signed
     * with a fresh timestamp and nonce.
     */
    public String seal(CallbackCrypto crypto, String replyXml) {
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
        return maxClockSkew.isZero() || Math.abs(clock.instant().getEpochSecond() - seconds) <= maxClockSkew.toSeconds();
    }
}
