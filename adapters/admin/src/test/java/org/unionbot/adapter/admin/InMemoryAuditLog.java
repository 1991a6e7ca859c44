package org.unionbot.adapter.admin;

import java.util.ArrayList;
import java.util.List;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.console.AuditLog;

/** The audit trail in memory, for tests that check what a console action wrote. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> recent(int limit) {
        List<AuditEntry> copy = new ArrayList<>(entries);
        java.util.Collections.reverse(copy);
        return copy.subList(0, Math.min(limit, copy.size()));
    }

    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
