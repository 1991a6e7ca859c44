package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.MutableClock;

class LoginThrottleTest {
    final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void theBlockEndsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("li", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blocked("li", "10.9.9.9")).isTrue();
        clock.advance(Duration.ofMinutes(10)); // the first failure is now 15 min old
        assertThat(throttle.blocked("li", "10.9.9.9")).isFalse();
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("u" + i, "10.0.0.1");
        }
        throttle.failed("li", "10.0.0.2");
        throttle.succeeded("li");
        assertThat(throttle.blocked("li", "10.0.0.2")).isFalse();
        assertThat(throttle.blocked("li", "10.0.0.1")).isTrue();
    }
}
