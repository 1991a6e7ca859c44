package org.unionbot.core.calendar;

import java.time.Instant;
import java.util.Objects;

/** A plan item as stored: its definition (YAML of the item) and its approval. */
public record StoredSeries(String key, String title, String definition, SeriesStatus status, Long approvedBy,
                           Instant approvedAt) {
    public StoredSeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
    }

    public PlanItem item() {
        PlanImport parsed = PlanReader.yaml("items:\n" + definition.indent(4).replaceFirst("^    ", "  - "));
        if (parsed.items().size() != 1) {
            throw new IllegalStateException("stored series " + key + " no longer reads: " + parsed.errors());
        }
        return parsed.items().get(0);
    }
}
