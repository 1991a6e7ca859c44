package org.unionbot.core.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionbot.core.message.Platform;

/** The card registry in this process's memory: lost on restart; for tests and setups without a database. */
public final class InMemoryPollCardRegistry implements PollCardRegistry {
    private final Map<String, Map<String, Card>> cards = new LinkedHashMap<>();

    @Override
    public synchronized void remember(long pollId, Platform platform, Card card, Instant deliveredAt) {
        cards.computeIfAbsent(pollId + "/" + platform.code(), k -> new LinkedHashMap<>()).put(card.cardId(), card);
    }

    @Override
    public synchronized List<Card> cardsOf(long pollId, Platform platform) {
        return new ArrayList<>(cards.getOrDefault(pollId + "/" + platform.code(), Map.of()).values());
    }
}
