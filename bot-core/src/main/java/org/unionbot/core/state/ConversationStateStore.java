package org.unionbot.core.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived state of multi-step conversations (a poll being drafted, a did-you-mean choice, failed
 * binding attempts). Every entry expires: a member who walks away never finds a half-finished flow
 * waiting weeks later.
 */
public interface ConversationStateStore {

    Optional<String> get(StateKey key);

    void put(StateKey key, String value, Duration timeToLive);

    void remove(StateKey key);
}
