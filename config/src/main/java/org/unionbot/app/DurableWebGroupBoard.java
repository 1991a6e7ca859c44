package org.unionbot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.unionbot.adapter.web.WebGroupBoard;
import org.unionbot.adapter.web.WebInboxEntry;
import org.unionbot.persistence.board.WebGroupBoardStore;
import org.unionbot.persistence.inbox.WebInboxStore;

/**
 * The web chat's group boards in the database ({@code web_group_post}, V75) instead of the adapter's
 * in-memory ones: a poll announcement or result on a board survives a restart and every instance shows
 * the same board. Reads are bounded (the latest {@link WebGroupBoard#CAPACITY}); posts older than
 * {@link #KEEP} are purged now and then on a read.
 */
final class DurableWebGroupBoard implements WebGroupBoard {
    /** A board is a notice board, not an archive: the poll's own record stays in the poll tables. */
    static final Duration KEEP = Duration.ofDays(90);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final WebGroupBoardStore store;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    DurableWebGroupBoard(WebGroupBoardStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void post(String board, WebInboxEntry entry) {
        // The outbound port carries no delivery key for a group message: a fresh key, stored as posted.
        post(board, entry, "p#" + UUID.randomUUID());
    }

    @Override
    public void post(String board, WebInboxEntry entry, String deliveryKey) {
        store.post(board, deliveryKey, DurableWebInbox.toRow(entry));
    }

    @Override
    public List<WebInboxEntry> read(String board) {
        purgeNowAndThen(clock.instant());
        List<WebInboxEntry> out = new ArrayList<>();
        for (WebInboxStore.Message m : store.latest(board, CAPACITY)) {
            out.add(new WebInboxEntry(DurableWebInbox.toContent(m), m.putAt()));
        }
        return out;
    }

    /** At most once an hour per instance, on a read: no scheduler job needed for a cheap indexed DELETE. */
    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (Duration.between(last, now).compareTo(PURGE_EVERY) >= 0 && lastPurge.compareAndSet(last, now)) {
            store.purgeBefore(now.minus(KEEP));
        }
    }
}
