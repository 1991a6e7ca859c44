package org.unionbot.core.schedule;

import java.util.Objects;

/**
 * Names one scheduled task: its kind (which {@link ScheduledTask} runs it) and an id within the kind,
 * e.g. ("poll-close", "42") or ("reminder", "7:2026-09-10"). Scheduling the same key again replaces it.
 */
public record TaskKey(String kind, String id) {
    public TaskKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind.isBlank() || id.isBlank() || kind.length() > 80 || id.length() > 180) {
            throw new IllegalArgumentException("task kind and id must be non-blank and short");
        }
    }
}
