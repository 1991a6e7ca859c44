package org.unionbot.core.feedback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Limits submissions per member and day without storing who submitted. The counter's key is
 * HMAC(HMAC(secret, date), member id): without the configured secret the key names nobody, and because
 * the day is part of the key, yesterday's counters cannot be linked to today's. The counter expires at
 * local midnight, so even its expiry time is no precise submission time. Counting is one atomic step
 * of the {@link SubmissionCounter} (a conditional increment in the database), so concurrent submissions
 * cannot pass the limit together.
 */
final class SubmissionLimiter {
    static final String FLOW = "feedback-rate";

    private final SubmissionCounter counter;
    private final Clock clock;
    private final byte[] secret;
    private final int dailyLimit;

    SubmissionLimiter(SubmissionCounter counter, Clock clock, byte[] secret, int dailyLimit) {
        this.counter = counter;
        this.clock = clock;
        this.secret = secret.clone();
        this.dailyLimit = dailyLimit;
    }

    /** Counts one submission; false (and nothing counted) when the member reached today's limit. */
    boolean tryAcquire(long memberId) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return counter.tryIncrement(token(today, memberId), dailyLimit,
                today.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
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
