package org.unionbot.adapter.web;

import java.time.Instant;
import java.util.Objects;
import org.unionbot.core.message.Content;

/** One waiting message: what to show and when it was put in the inbox. */
public record WebInboxEntry(Content content, Instant at) {
    public WebInboxEntry {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        // Message bodies stay out of logs.
        return "WebInboxEntry[" + content.getClass().getSimpleName() + ", " + at + "]";
    }
}
