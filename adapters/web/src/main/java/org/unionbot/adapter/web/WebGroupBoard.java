package org.unionbot.adapter.web;

import java.util.List;

/**
 * The web chat's group chats: a board per group name where group messages (poll announcements and
 * results, the public digest of answered suggestions) are posted for every web user to read. Unlike the
 * {@link WebInbox} reading does not take the messages away: a group message is for everybody.
 *
 * <p>{@link InMemoryWebGroupBoard} keeps them in this server's memory; the application replaces it with the
 * durable boards in the database, which survive a restart and are shared by every instance.
 */
public interface WebGroupBoard {
    /** A read shows at most this many posts: the latest. */
    int CAPACITY = 100;

    /** Posts {@code entry} on the board. */
    void post(String board, WebInboxEntry entry);

    /**
     * Posts {@code entry} unless a post with the same {@code deliveryKey} is already on the board: a post
     * delivered twice is shown once. The in-memory board does not remember keys and simply posts.
     */
    default void post(String board, WebInboxEntry entry, String deliveryKey) {
        post(board, entry);
    }

    /** The board's latest {@link #CAPACITY} messages, oldest first; they stay on the board. */
    List<WebInboxEntry> read(String board);
}
