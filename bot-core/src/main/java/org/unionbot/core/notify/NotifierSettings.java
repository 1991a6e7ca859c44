package org.unionbot.core.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the notifier sends: {@code concurrency} sends in flight at once; transient failures retried up to
 * {@code maxAttempts} times with backoff from {@code firstBackoff}, doubling; a rate per platform code
 * (sends a second) where the platform sets one; a claim left by a crash is resumed after {@code claimLease}.
 */
public record NotifierSettings(int concurrency, int maxAttempts, Duration firstBackoff,
                               Map<String, Double> ratePerSecond, Duration claimLease) {
    public NotifierSettings {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(claimLease, "claimLease");
        ratePerSecond = Map.copyOf(ratePerSecond == null ? Map.of() : ratePerSecond);
        if (concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency and attempts must be positive");
        }
    }

    /**
     * 16 in flight; 3 attempts from 500 ms; DingTalk work notices 5,000 recipients a minute (83/s), WeCom
     * app messages kept well under the per-minute corp quota, the web inbox unlimited.
     */
    public static NotifierSettings defaults() {
        return new NotifierSettings(16, 3, Duration.ofMillis(500),
                Map.of("dingtalk", 80.0, "wecom", 300.0, "wechat_mp", 50.0), Duration.ofMinutes(2));
    }
}
