package org.unionbot.core.console;

import java.util.List;

/**
 * The console's audit trail. The database implementation writes inside the caller's transaction, so a
 * change and its entry commit or roll back together.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> recent(int limit);
}
