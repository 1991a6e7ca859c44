package org.unionbot.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionbot.crypto.testing.DocumentedCrypto;

/**
 * The shared envelope, with the official OA-1 vector's account (token {@code pamtest}, its EncodingAESKey and
 * app id) and a clock standing at the vector's timestamp; the platform's side is played by
 * {@link DocumentedCrypto}, not by the production code under test.
 */
class CallbackEnvelopeTest {
    private static final String TOKEN = "pamtest";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String TIMESTAMP = "1409304348";
    private static final String NONCE = "xxxxxx";
    /** OA-1: "我是中文abcd123" encrypted for APP_ID, and its msg_signature over TIMESTAMP and NONCE. */
    private static final String CIPHER_1 =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    private static final String SIGNATURE_1 = "82c962d39941aa48552f90ef55aa323dc620cc10";
    private static final String MESSAGE = "<xml><FromUserName><![CDATA[oWang]]></FromUserName><CreateTime>1409304348"
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我是谁]]></Content><MsgId>42</MsgId></xml>";

    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);
    private final CallbackEnvelope envelope = new CallbackEnvelope(clock, Duration.ofMinutes(5));
    private final CallbackCrypto account = new CallbackCrypto(TOKEN, AES_KEY, APP_ID);

    @Test
    void aGoodEnvelopeOpens() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);

        CallbackEnvelope.Opening opening = envelope.open(account, signed(TIMESTAMP, encrypted), body(encrypted));

        assertThat(opening).isInstanceOf(CallbackEnvelope.Opened.class);
        CallbackXml xml = ((CallbackEnvelope.Opened) opening).xml();
        assertThat(xml.get("FromUserName")).contains("oWang");
        assertThat(xml.raw("Content")).isEqualTo("我是谁");
        assertThat(xml.get("MsgId")).contains("42");
    }

    @Test
    void missingTimestampOrNonceIs400() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        Map<String, String> noTimestamp = signed(TIMESTAMP, encrypted);
        noTimestamp.remove("timestamp");
        Map<String, String> noNonce = signed(TIMESTAMP, encrypted);
        noNonce.remove("nonce");

        assertThat(envelope.open(account, noTimestamp, body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(400));
        assertThat(envelope.open(account, noNonce, body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(400));
    }

    @Test
    void aTimestampOutsideTheSkewOrNotANumberIs403() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        String tooOld = Long.toString(Long.parseLong(TIMESTAMP) - 301);
        String tooNew = Long.toString(Long.parseLong(TIMESTAMP) + 301);
        String edge = Long.toString(Long.parseLong(TIMESTAMP) - 300);

        // correctly signed each time: only the clock refuses them
        assertThat(envelope.open(account, signed(tooOld, encrypted), body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(403));
        assertThat(envelope.open(account, signed(tooNew, encrypted), body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(403));
        assertThat(envelope.open(account, signed("14093o4348", encrypted), body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(403));
        assertThat(envelope.open(account, signed(edge, encrypted), body(encrypted))).isInstanceOf(CallbackEnvelope.Opened.class);
    }

    @Test
    void aZeroSkewTurnsTheClockCheckOff() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        CallbackEnvelope unchecked = new CallbackEnvelope(clock, Duration.ZERO);

        assertThat(unchecked.open(account, signed("1000000000", encrypted), body(encrypted)))
                .isInstanceOf(CallbackEnvelope.Opened.class);
        assertThat(unchecked.checkStamp(Map.of("timestamp", "soon", "nonce", NONCE))).contains(new CallbackEnvelope.Refused(403));
    }

    @Test
    void anAccountWithoutEncodingAesKeyCannotOpenAnEnvelope() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        CallbackCrypto plainAccount = new CallbackCrypto(TOKEN, null, APP_ID);

        assertThat(envelope.open(plainAccount, signed(TIMESTAMP, encrypted), body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(400));
    }

    @Test
    void aBodyThatIsNoDocumentOrHasNoEncryptIs400() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        Map<String, String> query = signed(TIMESTAMP, encrypted);

        assertThat(envelope.open(account, query, "Encrypt=" + encrypted)).isEqualTo(new CallbackEnvelope.Refused(400));
        assertThat(envelope.open(account, query, "")).isEqualTo(new CallbackEnvelope.Refused(400));
        assertThat(envelope.open(account, query, "<xml><ToUserName>gh</ToUserName></xml>")).isEqualTo(new CallbackEnvelope.Refused(400));
        assertThat(envelope.open(account, query, "<xml><Encrypt>   </Encrypt></xml>")).isEqualTo(new CallbackEnvelope.Refused(400));
    }

    @Test
    void aBadOrMissingMsgSignatureIs403() throws Exception {
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, APP_ID);
        Map<String, String> forged = signed(TIMESTAMP, encrypted);
        forged.put("msg_signature", "f".repeat(40));
        Map<String, String> otherToken = signed(TIMESTAMP, encrypted);
        otherToken.put("msg_signature", DocumentedCrypto.sha1Sorted("other", TIMESTAMP, NONCE, encrypted));
        Map<String, String> unsigned = signed(TIMESTAMP, encrypted);
        unsigned.remove("msg_signature");
        // the OA's plain-mode `signature` (without the ciphertext) does not open an envelope
        Map<String, String> plainSignature = signed(TIMESTAMP, encrypted);
        plainSignature.put("msg_signature", DocumentedCrypto.sha1Sorted(TOKEN, TIMESTAMP, NONCE));

        for (Map<String, String> query : List.of(forged, otherToken, unsigned, plainSignature)) {
            assertThat(envelope.open(account, query, body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(403));
        }
    }

    @Test
    void aSignedCiphertextThatDoesNotDecryptForThisAccountIs403() throws Exception {
        String forAnother = DocumentedCrypto.encrypt(AES_KEY, MESSAGE, "wx-other-app");
        String wrongKey = DocumentedCrypto.encrypt("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", MESSAGE, APP_ID);
        String notBase64 = "not base64 !!";

        for (String encrypted : List.of(forAnother, wrongKey, notBase64)) {
            assertThat(envelope.open(account, signed(TIMESTAMP, encrypted), body(encrypted)))
                    .as(encrypted).isEqualTo(new CallbackEnvelope.Refused(403));
        }
    }

    @Test
    void theOfficialVectorOpensToAPlaintextThatIsNoDocumentSoIs400() throws Exception {
        Map<String, String> query = new HashMap<>(Map.of("timestamp", TIMESTAMP, "nonce", NONCE, "msg_signature", SIGNATURE_1));
        assertThat(account.decrypt(CIPHER_1)).isEqualTo("我是中文abcd123"); // signature and ciphertext hold …

        assertThat(envelope.open(account, query, body(CIPHER_1))).isEqualTo(new CallbackEnvelope.Refused(400)); // … the XML does not
    }

    @Test
    void aPlaintextCarryingADtdIs400() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><FromUserName>oWang</FromUserName><Content>&x;</Content></xml>";
        String encrypted = DocumentedCrypto.encrypt(AES_KEY, xxe, APP_ID);

        assertThat(envelope.open(account, signed(TIMESTAMP, encrypted), body(encrypted))).isEqualTo(new CallbackEnvelope.Refused(400));
    }

    @Test
    void checkStampAloneServesPlainModeAndUrlVerification() {
        assertThat(envelope.checkStamp(Map.of("timestamp", TIMESTAMP, "nonce", NONCE))).isEmpty();
        assertThat(envelope.checkStamp(Map.of("nonce", NONCE))).contains(new CallbackEnvelope.Refused(400));
        assertThat(envelope.checkStamp(Map.of("timestamp", TIMESTAMP))).contains(new CallbackEnvelope.Refused(400));
        assertThat(envelope.checkStamp(Map.of("timestamp", "1409303000", "nonce", NONCE))).contains(new CallbackEnvelope.Refused(403));
        assertThat(new CallbackEnvelope.Refused(403).answer()).isEqualTo(new CallbackAnswer(403, ""));
    }

    @Test
    void urlVerificationRefusesBeforeThePlatformsCheckAndEchoesWhatItGives() throws Exception {
        List<String> asked = new ArrayList<>();
        CallbackEnvelope.Echo decrypting = (timestamp, nonce, echostr) -> {
            asked.add(timestamp + "/" + nonce);
            try {
                return Optional.of(account.decrypt(echostr));
            } catch (CallbackCryptoException e) {
                return Optional.empty();
            }
        };
        String stale = "1409303000";

        assertThat(envelope.verifyUrl(Map.of("timestamp", stale, "nonce", NONCE), decrypting)).isEqualTo(new CallbackAnswer(400, ""));
        assertThat(envelope.verifyUrl(Map.of("nonce", NONCE, "echostr", CIPHER_1), decrypting)).isEqualTo(new CallbackAnswer(400, ""));
        assertThat(envelope.verifyUrl(Map.of("timestamp", TIMESTAMP, "echostr", CIPHER_1), decrypting)).isEqualTo(new CallbackAnswer(400, ""));
        assertThat(envelope.verifyUrl(Map.of("timestamp", stale, "nonce", NONCE, "echostr", CIPHER_1), decrypting))
                .isEqualTo(new CallbackAnswer(403, ""));
        assertThat(asked).isEmpty();

        Map<String, String> good = Map.of("timestamp", TIMESTAMP, "nonce", NONCE, "echostr", CIPHER_1);
        assertThat(envelope.verifyUrl(good, decrypting)).isEqualTo(new CallbackAnswer(200, "我是中文abcd123"));
        assertThat(envelope.verifyUrl(Map.of("timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "AAAA"), decrypting))
                .isEqualTo(new CallbackAnswer(403, ""));
        assertThat(asked).containsExactly(TIMESTAMP + "/" + NONCE, TIMESTAMP + "/" + NONCE);
    }

    @Test
    void aSealedReplyVerifiesAndDecryptsAsThePlatformChecksIt() throws Exception {
        String reply = "<xml><ToUserName><![CDATA[oWang]]></ToUserName><Content><![CDATA[王芳老师，您好。]]></Content></xml>";

        String sealed = envelope.seal(account, reply);

        assertThat(sealed).startsWith("<xml><Encrypt>");
        String encrypted = DocumentedCrypto.field(sealed, "Encrypt");
        String timestamp = DocumentedCrypto.field(sealed, "TimeStamp");
        String nonce = DocumentedCrypto.field(sealed, "Nonce");
        assertThat(timestamp).isEqualTo(TIMESTAMP);
        assertThat(nonce).matches("[A-Za-z0-9]{16}");
        assertThat(DocumentedCrypto.field(sealed, "MsgSignature"))
                .isEqualTo(DocumentedCrypto.sha1Sorted(TOKEN, timestamp, nonce, encrypted));
        assertThat(DocumentedCrypto.decrypt(AES_KEY, encrypted)).containsExactly(reply, APP_ID);
    }

    @Test
    void theQueryKeepsOnlyTheNamedParametersThatArePresent() {
        Map<String, String> sent = Map.of("timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "a+b/c=", "other", "x");

        Map<String, String> query = CallbackEnvelope.query(sent::get, "timestamp", "nonce", "echostr", "msg_signature");

        assertThat(query).containsExactlyInAnyOrderEntriesOf(Map.of("timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "a+b/c="));
    }

    /** The query WeChat and WeCom send with an encrypted callback, signed as the platform signs it. */
    private static Map<String, String> signed(String timestamp, String encrypted) throws Exception {
        Map<String, String> query = new HashMap<>();
        query.put("timestamp", timestamp);
        query.put("nonce", NONCE);
        query.put("msg_signature", DocumentedCrypto.sha1Sorted(TOKEN, timestamp, NONCE, encrypted));
        return query;
    }

    private static String body(String encrypted) {
        return "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
    }
}
