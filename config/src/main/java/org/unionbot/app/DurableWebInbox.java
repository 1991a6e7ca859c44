package org.unionbot.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.unionbot.adapter.web.WebInbox;
import org.unionbot.adapter.web.WebInboxEntry;
import org.unionbot.adapter.web.WebInboxSeal;
import org.unionbot.core.message.Content;
import org.unionbot.persistence.inbox.WebInboxStore;

/**
 * The web inbox in the database ({@code web_inbox}, V21) instead of the adapter's in-memory one: a
 * reminder put for a web user survives a restart and is shown once even when resent after a crash
 * (unique on delivery key + web user). Maps the adapter's entries to the store's rows.
 */
final class DurableWebInbox implements WebInbox {
    /** Taken rows are kept this long so that a late resend of the same delivery still meets its key. */
    static final Duration KEEP_TAKEN = Duration.ofDays(7);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** The stored kind of a sealed entry: its body is {@link WebInboxSeal#seal} of the text. */
    static final String SEALED = "sealed";

    private final WebInboxStore store;
    private final WebInboxSeal seal;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    DurableWebInbox(WebInboxStore store, WebInboxSeal seal, Clock clock) {
        this.store = store;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public void put(String webUserId, WebInboxEntry entry) {
        // A deferred answer has no delivery of its own to deduplicate: a fresh key.
        put(webUserId, entry, "a#" + UUID.randomUUID());
    }

    @Override
    public void put(String webUserId, WebInboxEntry entry, String deliveryKey) {
        store.put(webUserId, deliveryKey, entry.confidential() ? sealed(webUserId, entry) : toRow(entry));
    }

    @Override
    public List<WebInboxEntry> take(String webUserId) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        List<WebInboxEntry> out = new ArrayList<>();
        for (WebInboxStore.Message m : store.take(webUserId, now)) {
            out.add(SEALED.equals(m.kind()) ? opened(webUserId, m) : new WebInboxEntry(toContent(m), m.putAt()));
        }
        return out;
    }

    /** Messages waiting for the user, not taken. */
    int waiting(String webUserId) {
        return store.waiting(webUserId);
    }

    /** At most once an hour per instance, on a poll: no scheduler job needed for a cheap DELETE. */
    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (Duration.between(last, now).compareTo(PURGE_EVERY) >= 0 && lastPurge.compareAndSet(last, now)) {
            store.purgeTakenBefore(now.minus(KEEP_TAKEN));
        }
    }

    /** A confidential entry as a row: only its text, sealed for this user. */
    private WebInboxStore.Message sealed(String webUserId, WebInboxEntry entry) {
        return new WebInboxStore.Message(SEALED, seal.seal(webUserId, entry.content().plainText()), null, null, null,
                List.of(), entry.at());
    }

    private WebInboxEntry opened(String webUserId, WebInboxStore.Message m) {
        String text = seal.open(webUserId, m.body()).orElseGet(WebInboxSeal::unreadableNotice);
        return new WebInboxEntry(new Content.Text(text), m.putAt(), true);
    }

    static WebInboxStore.Message toRow(WebInboxEntry entry) {
        Content c = entry.content();
        if (c instanceof Content.KnowledgeAnswer k) {
            return new WebInboxStore.Message("knowledge", k.text(), k.entryId(), k.title(), k.confidence(), List.of(),
                    entry.at());
        }
        if (c instanceof Content.Choices ch) {
            return new WebInboxStore.Message("choices", ch.prompt(), null, null, null, ch.options(), entry.at());
        }
        return new WebInboxStore.Message("text", c.plainText(), null, null, null, List.of(), entry.at());
    }

    static Content toContent(WebInboxStore.Message m) {
        switch (m.kind()) {
            case "knowledge":
                return new Content.KnowledgeAnswer(m.body(), m.entryId() == null ? "" : m.entryId(),
                        m.title() == null ? "" : m.title(), m.confidence() == null ? 0 : m.confidence());
            case "choices":
                return new Content.Choices(m.body(), m.options());
            default:
                return new Content.Text(m.body());
        }
    }
}
