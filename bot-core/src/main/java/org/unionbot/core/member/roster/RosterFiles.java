package org.unionbot.core.member.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads rosters as unions keep them: CSV exported from Excel (with or without BOM) and .xlsx sheets. */
public final class RosterFiles {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private RosterFiles() {
    }

    /** Reads RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    public static RosterTable readCsv(Reader reader) throws IOException {
        List<List<String>> records = parseCsv(
                reader instanceof java.io.BufferedReader buffered ? buffered : new java.io.BufferedReader(reader));
        return toTable(records);
    }

    /** Reads the first sheet of an .xlsx (or .xls) workbook; date cells become yyyy-MM-dd. */
    public static RosterTable readExcel(InputStream in) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> records = new ArrayList<>();
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                var row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(cellText(row.getCell(c), formatter));
                    }
                }
                records.add(cells);
            }
            return toTable(records);
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE);
        }
        return formatter.formatCellValue(cell);
    }

    private static RosterTable toTable(List<List<String>> records) {
        if (records.isEmpty()) {
            return new RosterTable(List.of(), List.of());
        }
        List<String> headers = new ArrayList<>();
        for (String h : records.get(0)) {
            headers.add(h.replace("\uFEFF", "").strip());
        }
        List<RosterTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.put(headers.get(c), c < record.size() ? record.get(c).strip() : "");
            }
            rows.add(new RosterTable.Row(i + 1, cells));
        }
        return new RosterTable(headers, rows);
    }

    private static List<List<String>> parseCsv(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (any && (!field.isEmpty() || !record.isEmpty())) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
