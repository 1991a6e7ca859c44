package org.unionbot.core.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.message.Platform;

/**
 * {@link ChannelActivity} in this process's memory. Bounded on both sides: at most {@link #MAX_ACCOUNTS}
 * accounts are tracked (callbacks are recorded only after the signature check, so only configured
 * accounts get here, but a bound costs nothing) and the last {@code maxErrors} errors are kept. Per
 * instance and lost on restart: with several instances each console page shows its own instance's view.
 */
public final class InMemoryChannelActivity implements ChannelActivity {
    static final int MAX_ACCOUNTS = 256;
    static final int MAX_WHAT = 200;

    private final Clock clock;
    private final int maxErrors;
    private final Map<String, Instant> lastCallbacks = new ConcurrentHashMap<>();
    private final Deque<ChannelError> errors = new ArrayDeque<>();

    public InMemoryChannelActivity(Clock clock, int maxErrors) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("keep at least one error");
        }
        this.clock = clock;
        this.maxErrors = maxErrors;
    }

    @Override
    public void callbackReceived(Platform platform, String account) {
        String key = key(platform, account);
        if (lastCallbacks.containsKey(key) || lastCallbacks.size() < MAX_ACCOUNTS) {
            lastCallbacks.put(key, clock.instant());
        }
    }

    @Override
    public void error(Platform platform, String account, String what) {
        String text = what == null ? "" : what.length() > MAX_WHAT ? what.substring(0, MAX_WHAT) + "…" : what;
        ChannelError error = new ChannelError(clock.instant(), platform, cut(account), text);
        synchronized (errors) {
            errors.addFirst(error);
            while (errors.size() > maxErrors) {
                errors.removeLast();
            }
        }
    }

    @Override
    public Optional<Instant> lastCallback(Platform platform, String account) {
        return Optional.ofNullable(lastCallbacks.get(key(platform, account)));
    }

    @Override
    public List<ChannelError> recentErrors(int limit) {
        synchronized (errors) {
            List<ChannelError> copy = new ArrayList<>(errors);
            return List.copyOf(copy.subList(0, Math.min(limit, copy.size())));
        }
    }

    private static String key(Platform platform, String account) {
        return platform.code() + "/" + cut(account);
    }

    /** A refused callback's account comes from its URL: kept short, whatever a caller put there. */
    private static String cut(String account) {
        return account == null ? "" : account.length() > 64 ? account.substring(0, 64) + "…" : account;
    }
}
