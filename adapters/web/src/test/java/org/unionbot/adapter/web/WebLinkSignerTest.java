package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.MutableClock;

class WebLinkSignerTest {
    final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
    final WebLinkSigner signer = new WebLinkSigner(TestRoster.SECRET, clock);

    @Test
    void aSignedTokenNamesItsUserUntilItExpires() {
        String token = signer.sign("t001", Duration.ofHours(1));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(signer.verify(token).isValid()).isTrue();
        assertThat(signer.verify(token).userId()).isEqualTo("t001");

        clock.advance(Duration.ofMinutes(59));
        assertThat(signer.verify(token).userId()).isEqualTo("t001");
        clock.advance(Duration.ofMinutes(1));
        assertThat(signer.verify(token).status()).isEqualTo(WebLinkSigner.Status.EXPIRED);
        assertThat(signer.verify(token).userId()).isNull();
    }

    @Test
    void thePayloadIsUserDotExpiryInBase64Url() {
        String token = signer.sign("t001", Instant.parse("2026-09-08T00:00:00Z"));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("t001." + Instant.parse("2026-09-08T00:00:00Z").getEpochSecond());
    }

    @Test
    void userIdsWithDotsAndChineseSurvive() {
        assertThat(signer.verify(signer.sign("wang.fang.2026", Duration.ofHours(1))).userId())
                .isEqualTo("wang.fang.2026");
        assertThat(signer.verify(signer.sign("王芳", Duration.ofHours(1))).userId()).isEqualTo("王芳");
    }

    @Test
    void anotherSecretsTokenIsInvalid() {
        String foreign = new WebLinkSigner("a-completely-different-secret-0123456789", clock)
                .sign("t001", Duration.ofHours(1));
        assertThat(signer.verify(foreign).status()).isEqualTo(WebLinkSigner.Status.INVALID);
    }

    @Test
    void anyChangedCharacterMakesTheTokenInvalid() {
        String token = signer.sign("t001", Duration.ofHours(1));
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            char other = c == 'A' ? 'B' : 'A';
            String changed = token.substring(0, i) + other + token.substring(i + 1);
            WebLinkSigner.Verification v = signer.verify(changed);
            // Base64 may ignore the low bits of the last character; those changes decode to the same bytes.
            if (v.isValid()) {
                assertThat(v.userId()).isEqualTo("t001");
            } else {
                assertThat(v.status()).isEqualTo(WebLinkSigner.Status.INVALID);
            }
        }
    }

    @Test
    void anExpiredForgeryIsInvalidNotExpired() {
        String expiredForeign = new WebLinkSigner("a-completely-different-secret-0123456789", clock)
                .sign("t001", clock.instant().minusSeconds(10));
        assertThat(signer.verify(expiredForeign).status()).isEqualTo(WebLinkSigner.Status.INVALID);
    }

    @Test
    void garbageIsInvalidNeverAnException() {
        for (String junk : new String[] {null, "", " ", ".", "abc", "a.b.c", "!!!.???", "dDAwMQ.", ".c2ln",
                "dDAwMQ.c2ln", "x".repeat(10_000) + "." + "y"}) {
            assertThat(signer.verify(junk).status()).as(String.valueOf(junk)).isEqualTo(WebLinkSigner.Status.INVALID);
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new WebLinkSigner("short", clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
    }

    @Test
    void theVerificationDoesNotPrintTheUser() {
        assertThat(signer.verify(signer.sign("t001", Duration.ofHours(1))).toString()).doesNotContain("t001");
    }
}
