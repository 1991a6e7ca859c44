package org.unionbot.adapter.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The group boards in this server's memory, the latest {@link #CAPACITY} per board: lost on restart and
 * not shared between instances. The application replaces it with the durable boards (table
 * {@code web_group_post}); this one serves tests and the adapter on its own.
 */
public final class InMemoryWebGroupBoard implements WebGroupBoard {

    private final ConcurrentMap<String, Deque<WebInboxEntry>> boards = new ConcurrentHashMap<>();

    @Override
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

    @Override
    public List<WebInboxEntry> read(String board) {
        List<WebInboxEntry>[] copy = new List[] {List.of()};
        boards.computeIfPresent(board, (name, queue) -> {
            copy[0] = List.copyOf(queue);
            return queue;
        });
        return copy[0];
    }
}
