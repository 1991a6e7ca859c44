package org.unionbot.adapter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Vectors DERIVED from the documented algorithm with the inputs of DingTalk's doc examples
 * (platforms.md §3.1, §3.2), recomputed independently with Python's hmac before being pinned here.
 */
class RobotSignaturesTest {

    @Test
    void enterpriseRobotCallbackSignIsPlainBase64() {
        assertThat(RobotSignatures.base64(1577262236757L, "this is a secret"))
                .isEqualTo("DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=");
    }

    @Test
    void customRobotUrlSignIsUrlEncodedBase64() {
        assertThat(RobotSignatures.base64(1577262236757L, "this is secret"))
                .isEqualTo("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
        assertThat(RobotSignatures.customRobotUrlSign(1577262236757L, "this is secret"))
                .isEqualTo("hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D");
    }

    @Test
    void callbackVerificationAcceptsOnlyTheExactSign() {
        String sign = "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=";
        assertThat(RobotSignatures.verifyCallback(sign, 1577262236757L, "this is a secret")).isTrue();
        assertThat(RobotSignatures.verifyCallback(sign, 1577262236758L, "this is a secret")).isFalse();
        assertThat(RobotSignatures.verifyCallback(sign, 1577262236757L, "this is another secret")).isFalse();
        // The URL-encoded form belongs to custom robots; a callback header carrying it is not accepted.
        assertThat(RobotSignatures.verifyCallback("DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA%3D",
                1577262236757L, "this is a secret")).isFalse();
        assertThat(RobotSignatures.verifyCallback(null, 1577262236757L, "this is a secret")).isFalse();
    }
}
