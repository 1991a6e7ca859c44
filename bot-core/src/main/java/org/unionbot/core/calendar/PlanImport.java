package org.unionbot.core.calendar;

import java.util.List;

/** A plan as read: the items that are valid and an error per refused row. */
public record PlanImport(String name, List<PlanItem> items, List<PlanRowError> errors) {
    public PlanImport {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }
}
