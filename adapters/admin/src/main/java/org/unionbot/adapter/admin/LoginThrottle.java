package org.unionbot.adapter.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed console logins per user name and per client address in a sliding window. Once either
 * reaches the limit, further attempts are refused without checking the password until the oldest
 * failure leaves the window: guessing is slowed whether one name is tried from many addresses or many
 * names from one address.
 *
 * <p>Kept in memory, per instance: with several instances behind a balancer an attacker gets the limit
 * once per instance (documented as a known limit). Entries are dropped when their window ends.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        return count("u:" + username) >= maxFailures || count("ip:" + address) >= maxFailures;
    }

    public void failed(String username, String address) {
        add("u:" + username);
        add("ip:" + address);
    }

    /** A correct password clears the name's failures (not the address's: others may share it). */
    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.isEmpty()) {
                failures.remove(key, times);
            }
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
