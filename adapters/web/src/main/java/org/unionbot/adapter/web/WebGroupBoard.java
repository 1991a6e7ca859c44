package org.unionbot.adapter.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The web chat's group chats: a board per group name where group messages (poll announcements and
 * results, the public digest of answered suggestions) are posted for every web user to read. Unlike the
 * {@link WebInbox} reading does not take the messages away: a group message is for everybody. Kept in
 * this server's memory, the latest {@link #CAPACITY} per board.
 */
public final class WebGroupBoard {
    public static final int CAPACITY = 100;

    private final ConcurrentMap<String, Deque<WebInboxEntry>> boards = new ConcurrentHashMap<>();

    public void post(String board, WebInboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        boards.compute(Objects.requireNonNull(board, "board"), (name, queue) -> {
            Deque<WebInboxEntry> q = queue == null ? new ArrayDeque<>() : queue;
            q.addLast(entry);
            while (q.size() > CAPACITY) {
                q.removeFirst();
            }
            return q;
        });
    }

    /** The board's messages, oldest first; they stay on the board. */
    public List<WebInboxEntry> read(String board) {
        List<WebInboxEntry>[] copy = new List[] {List.of()};
        boards.computeIfPresent(board, (name, queue) -> {
            copy[0] = List.copyOf(queue);
            return queue;
        });
        return copy[0];
    }
}
