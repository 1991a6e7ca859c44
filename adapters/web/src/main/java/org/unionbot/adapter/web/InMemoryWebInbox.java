package org.unionbot.adapter.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web inbox in this server's memory: bounded per user, safe for concurrent use, lost on restart.
 *
 * <p>Each user's queue is only changed inside {@link ConcurrentMap#compute} and taken whole with
 * {@link ConcurrentMap#remove}, both atomic per key, so a put racing a take is either in the taken list
 * or in the next one, never lost or seen twice.
 */
public final class InMemoryWebInbox implements WebInbox {
    public static final int DEFAULT_CAPACITY_PER_USER = 200;
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryWebInbox.class);

    private final ConcurrentMap<String, Deque<WebInboxEntry>> queues = new ConcurrentHashMap<>();
    private final int capacityPerUser;

    public InMemoryWebInbox() {
        this(DEFAULT_CAPACITY_PER_USER);
    }

    public InMemoryWebInbox(int capacityPerUser) {
        if (capacityPerUser < 1) {
            throw new IllegalArgumentException("capacityPerUser must be positive");
        }
        this.capacityPerUser = capacityPerUser;
    }

    @Override
    public void put(String webUserId, WebInboxEntry entry) {
        Objects.requireNonNull(webUserId, "webUserId");
        Objects.requireNonNull(entry, "entry");
        AtomicInteger dropped = new AtomicInteger();
        queues.compute(webUserId, (user, queue) -> {
            Deque<WebInboxEntry> q = queue == null ? new ArrayDeque<>() : queue;
            q.addLast(entry);
            while (q.size() > capacityPerUser) {
                q.removeFirst();
                dropped.incrementAndGet();
            }
            return q;
        });
        if (dropped.get() > 0) {
            // Neither the user id nor the body is logged.
            LOG.warn("web inbox full ({} messages); dropped the oldest waiting message", capacityPerUser);
        }
    }

    @Override
    public List<WebInboxEntry> take(String webUserId) {
        Deque<WebInboxEntry> queue = queues.remove(Objects.requireNonNull(webUserId, "webUserId"));
        return queue == null ? List.of() : List.copyOf(queue);
    }

    /** Entries waiting for the user, without taking them. */
    public int waiting(String webUserId) {
        int[] size = {0};
        queues.computeIfPresent(webUserId, (user, q) -> {
            size[0] = q.size();
            return q;
        });
        return size[0];
    }
}
