package org.unionbot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The official OA-1 vector (Tencent's WXBizMsgCryptTest) and round trips of our own. */
class CallbackCryptoTest {
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final CallbackCrypto OA = new CallbackCrypto("pamtest", AES_KEY, APP_ID);
    private static final byte[] RANDOM = "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII);
    private static final String CIPHER_1 =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    @Test
    void encryptsTheOfficialVector() {
        assertThat(OA.encrypt(RANDOM, "我是中文abcd123")).isEqualTo(CIPHER_1);
    }

    @Test
    void decryptsTheOfficialVector() throws Exception {
        assertThat(OA.decrypt(CIPHER_1)).isEqualTo("我是中文abcd123");
    }

    @Test
    void signsLikeThePlatform() {
        assertThat(CallbackCrypto.sha1OfSorted("123", "345")).isEqualTo("9f537aeb751ec72605f57f94a2f6dc3e3958e1dd");
        assertThat(OA.sign("1409304348", "xxxxxx")).isEqualTo("76480565cbe296026c53aaacd1ad523a1ddba24f");
        assertThat(OA.sign("1409304348", "xxxxxx", CIPHER_1)).isEqualTo("82c962d39941aa48552f90ef55aa323dc620cc10");
        assertThat(OA.verify("82C962D39941AA48552F90EF55AA323DC620CC10", "1409304348", "xxxxxx", CIPHER_1)).isTrue();
        assertThat(OA.verify("12345", "1409304348", "xxxxxx", CIPHER_1)).isFalse();
        assertThat(OA.verify(null, "1409304348", "xxxxxx")).isFalse();
        assertThat(OA.verify("76480565cbe296026c53aaacd1ad523a1ddba24f", null, "xxxxxx")).isFalse();
    }

    @Test
    void refusesAMessageEncryptedForAnotherAccount() {
        String forOther = new CallbackCrypto("pamtest", AES_KEY, "wx-other-app").encrypt("你好");
        assertThatThrownBy(() -> OA.decrypt(forOther)).isInstanceOf(CallbackCryptoException.class)
                .hasMessageContaining("receive id");
    }

    @Test
    void roundTripsEveryPadLengthIncludingPadsOverSixteen() throws Exception {
        CallbackCrypto ding = new CallbackCrypto("token", AES_KEY, "dingappkey123");
        for (int n = 0; n < 70; n++) {
            String message = "{\"EventType\":\"check_url\",\"x\":\"" + "工".repeat(n % 7) + "a".repeat(n) + "\"}";
            assertThat(ding.decrypt(ding.encrypt(message))).isEqualTo(message);
        }
        // "success" for a 13-byte app key: 16 + 4 + 7 + 13 = 40 → a 24-byte pad, which PKCS5 would reject
        CallbackCrypto thirteen = new CallbackCrypto("token", AES_KEY, "dingabcdefghi");
        assertThat(thirteen.decrypt(thirteen.encrypt("success"))).isEqualTo("success");
    }

    @Test
    void garbageIsRefusedCleanly() {
        assertThatThrownBy(() -> OA.decrypt("not base64 !!")).isInstanceOf(CallbackCryptoException.class);
        assertThatThrownBy(() -> OA.decrypt("AAAA")).isInstanceOf(CallbackCryptoException.class);
        assertThatThrownBy(() -> OA.decrypt(null)).isInstanceOf(CallbackCryptoException.class);
    }

    @Test
    void tamperingIsCaughtByTheSignatureNotByTheCipher() {
        // CBC without a MAC decrypts a flipped byte into a changed message: the platforms' integrity
        // check is msg_signature over the ciphertext, so callers verify it before decrypting.
        String tampered = CIPHER_1.substring(0, 10) + (CIPHER_1.charAt(10) == 'A' ? 'B' : 'A') + CIPHER_1.substring(11);
        String signature = OA.sign("1409304348", "xxxxxx", CIPHER_1);
        assertThat(OA.verify(signature, "1409304348", "xxxxxx", tampered)).isFalse();
    }

    @Test
    void keysAndSecretsStayOutOfToString() {
        assertThat(OA.toString()).doesNotContain(AES_KEY, "pamtest");
        assertThatThrownBy(() -> new CallbackCrypto("t", "short", "id")).isInstanceOf(IllegalArgumentException.class);
    }
}
