package org.unionbot.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.message.Platform;

/**
 * What the platform adapters report about their accounts, for the console's 渠道 page: when a callback
 * last arrived (after its signature was checked) and the recent errors (refused callbacks, failed
 * deliveries). A port so that the adapters depend on bot-core only; {@link InMemoryChannelActivity} is
 * the implementation in service (bounded, per instance, lost on restart — it answers "is it working
 * now", not an archive).
 *
 * <p>Callers pass ids and short reasons only (an HTTP status, an errcode), never a message body, a
 * token or a secret.
 */
public interface ChannelActivity {

    /** A callback for {@code account} was received and accepted. */
    void callbackReceived(Platform platform, String account);

    /** Something went wrong for {@code account} (empty when the adapter cannot tell which account). */
    void error(Platform platform, String account, String what);

    /**
     * How a callback for {@code account} was answered: 200 counts as received, anything else as a refusal
     * on the 渠道 page (the reason itself is in the adapter's log, never the body).
     */
    default void callbackAnswered(Platform platform, String account, int status) {
        if (status == 200) {
            callbackReceived(platform, account);
        } else {
            error(platform, account, "回调被拒绝（HTTP " + status + "）");
        }
    }

    Optional<Instant> lastCallback(Platform platform, String account);

    /** The most recent errors, newest first, at most {@code limit}. */
    List<ChannelError> recentErrors(int limit);

    record ChannelError(Instant at, Platform platform, String account, String what) {}

    /** Records nothing: for adapters started without a console (tests, a bare adapter). */
    ChannelActivity NONE = new ChannelActivity() {
        @Override
        public void callbackReceived(Platform platform, String account) {
        }

        @Override
        public void error(Platform platform, String account, String what) {
        }

        @Override
        public Optional<Instant> lastCallback(Platform platform, String account) {
            return Optional.empty();
        }

        @Override
        public List<ChannelError> recentErrors(int limit) {
            return List.of();
        }
    };
}
