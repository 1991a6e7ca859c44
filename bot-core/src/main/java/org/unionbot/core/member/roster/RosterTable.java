package org.unionbot.core.member.roster;

import java.util.List;
import java.util.Map;

/**
 * A roster as read from a file: one map of column name to cell text per row, with the row's number in
 * the file (the header is row 1, as a spreadsheet shows it).
 */
public record RosterTable(List<String> headers, List<Row> rows) {
    public record Row(int number, Map<String, String> cells) {}

    public RosterTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
