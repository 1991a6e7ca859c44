package org.unionbot.core.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.unionbot.core.message.Platform;

/**
 * The poll cards a platform has delivered (a DingTalk card's outTrackId and the app that sent it), so that
 * after a restart, or on another instance, every card of a poll can still be updated: the tally after a
 * vote, the closed state when the poll closes. The application keeps them in the database (table
 * {@code poll_card}); {@link InMemoryPollCardRegistry} serves tests and a setup without a database.
 */
public interface PollCardRegistry {

    /** One delivered card: its id on the platform and the sender (for DingTalk, the app key). */
    record Card(String cardId, String via) {
        public Card {
            Objects.requireNonNull(cardId, "cardId");
            Objects.requireNonNull(via, "via");
        }
    }

    /** Records a delivered card; delivering the same card id again keeps one entry (the latest sender). */
    void remember(long pollId, Platform platform, Card card, Instant deliveredAt);

    /** The poll's cards on the platform, in delivery order. */
    List<Card> cardsOf(long pollId, Platform platform);
}
