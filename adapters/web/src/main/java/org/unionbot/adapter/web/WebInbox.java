package org.unionbot.adapter.web;

import java.util.List;

/**
 * Messages waiting for a web user: answers that missed the request's time budget and, later, reminders.
 * A web page cannot be pushed to, so it polls and takes what is waiting.
 *
 * <p>The in-memory {@link InMemoryWebInbox} keeps them until taken or until the server stops; the
 * application replaces it with the durable inbox (table {@code web_inbox}), which survives a restart.
 */
public interface WebInbox {

    /** Keeps {@code entry} for {@code webUserId}; a full inbox drops its oldest entry. */
    void put(String webUserId, WebInboxEntry entry);

    /**
     * Keeps {@code entry} unless an entry with the same {@code deliveryKey} was already put for the user
     * (waiting or taken recently): a reminder resent after a crash is shown once. The in-memory inbox
     * cannot remember keys across a restart and simply puts; the durable inbox enforces the key.
     */
    default void put(String webUserId, WebInboxEntry entry, String deliveryKey) {
        put(webUserId, entry);
    }

    /** Returns the user's waiting entries, oldest first, and removes them. */
    List<WebInboxEntry> take(String webUserId);
}
