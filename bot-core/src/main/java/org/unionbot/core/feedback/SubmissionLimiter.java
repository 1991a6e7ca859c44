package org.unionbot.core.feedback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * Limits submissions per member and day without storing who submitted. The counter's key is
 * HMAC(HMAC(secret, date), member id): without the configured secret the key names nobody, and because
 * the day is part of the key, yesterday's counters cannot be linked to today's. The counter expires at
 * local midnight, so even its expiry time is no precise submission time.
 */
final class SubmissionLimiter {
    static final String FLOW = "feedback-rate";

    private final ConversationStateStore state;
    private final Clock clock;
    private final byte[] secret;
    private final int dailyLimit;

    SubmissionLimiter(ConversationStateStore state, Clock clock, byte[] secret, int dailyLimit) {
        this.state = state;
        this.clock = clock;
        this.secret = secret.clone();
        this.dailyLimit = dailyLimit;
    }

    /** Counts one submission; false (and nothing counted) when the member reached today's limit. */
    boolean tryAcquire(long memberId) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        StateKey key = new StateKey(FLOW, token(today, memberId));
        int used = state.get(key).map(Integer::parseInt).orElse(0);
        if (used >= dailyLimit) {
            return false;
        }
        Duration untilMidnight = Duration.between(now, today.plusDays(1).atStartOfDay(clock.getZone()));
        state.put(key, Integer.toString(used + 1), untilMidnight);
        return true;
    }

    String token(LocalDate day, long memberId) {
        byte[] dayKey = hmac(secret, day.toString());
        return HexFormat.of().formatHex(hmac(dayKey, Long.toString(memberId)));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
