package org.unionbot.adapter.web;

import java.time.Instant;
import java.util.Objects;
import org.unionbot.core.message.Content;

/**
 * One waiting message: what to show and when it was put in the inbox.
 *
 * @param confidential part of a confidential reply ({@code Reply.Say#confidential()}): a durable inbox
 *     keeps it only sealed ({@link WebInboxSeal})
 */
public record WebInboxEntry(Content content, Instant at, boolean confidential) {
    public WebInboxEntry {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(at, "at");
    }

    public WebInboxEntry(Content content, Instant at) {
        this(content, at, false);
    }

    @Override
    public String toString() {
        // Message bodies stay out of logs.
        return "WebInboxEntry[" + content.getClass().getSimpleName() + ", " + at + (confidential ? ", confidential" : "")
                + "]";
    }
}
