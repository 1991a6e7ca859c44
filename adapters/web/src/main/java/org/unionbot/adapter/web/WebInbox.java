package org.unionbot.adapter.web;

import java.util.List;

/**
 * Messages waiting for a web user: answers that missed the request's time budget and, later, reminders.
 * A web page cannot be pushed to, so it polls and takes what is waiting.
 *
 * <p>The in-memory {@link InMemoryWebInbox} keeps them until taken or until the server stops; a database
 * implementation can replace it when several instances share the web chat.
 */
public interface WebInbox {

    /** Keeps {@code entry} for {@code webUserId}; a full inbox drops its oldest entry. */
    void put(String webUserId, WebInboxEntry entry);

    /** Returns the user's waiting entries, oldest first, and removes them. */
    List<WebInboxEntry> take(String webUserId);
}
