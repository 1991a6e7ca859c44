package org.unionbot.core.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One change made in the console: who (the console user name), what (an action key such as
 * {@code member.update} and its target), when (UTC). {@code detail} is a short human summary; it never
 * holds passwords or phone numbers.
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}
