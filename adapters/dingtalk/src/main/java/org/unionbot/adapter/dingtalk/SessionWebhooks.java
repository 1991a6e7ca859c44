package org.unionbot.adapter.dingtalk;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest robot message per conversation, so that a deferred answer can still use that message's
 * session webhook (and its @-mention) while it is valid. Bounded: past {@value #LIMIT} conversations the
 * expired entries go, then the rest, since the OpenAPI is always there as the fallback.
 */
final class SessionWebhooks {
    static final int LIMIT = 10_000;

    record Last(DingTalkSettings.App app, RobotMessage message) {
    }

    private final Map<String, Last> byConversation = new ConcurrentHashMap<>();
    private final Clock clock;

    SessionWebhooks(Clock clock) {
        this.clock = clock;
    }

    void remember(DingTalkSettings.App app, RobotMessage message) {
        if (byConversation.size() >= LIMIT) {
            var now = clock.instant();
            byConversation.values().removeIf(last -> !last.message().webhookValidAt(now));
            if (byConversation.size() >= LIMIT) {
                Iterator<String> keys = byConversation.keySet().iterator();
                for (int i = 0; i < LIMIT / 10 && keys.hasNext(); i++) {
                    keys.next();
                    keys.remove();
                }
            }
        }
        byConversation.put(key(message.group(), message.conversationId(), message.userId()), new Last(app, message));
    }

    Optional<Last> last(boolean group, String conversationId, String userId) {
        return Optional.ofNullable(byConversation.get(key(group, conversationId, userId)));
    }

    private static String key(boolean group, String conversationId, String userId) {
        return group ? "g:" + conversationId + ":" + userId : "p:" + userId;
    }
}
