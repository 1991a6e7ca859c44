package org.unionbot.core.member.roster;

import java.util.List;

/**
 * What one roster import did. Good rows are imported even when others fail, and each failed row is
 * listed with its number in the file, so the clerk fixes only those and imports again.
 */
public record ImportReport(int created, int updated, int unchanged, List<RowError> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }

    public int imported() {
        return created + updated + unchanged;
    }
}
