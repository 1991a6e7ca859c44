package org.unionbot.core.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unionbot.core.member.Member;

/**
 * The result of a poll as files for the union's records: a CSV (UTF-8 with BOM, so Excel on a school's
 * Windows PC opens the Chinese text correctly) and an .xlsx with the tally, the anonymised ballots, the
 * named choices (named polls only) and the audit trail. A secret poll's export has no voter names.
 */
public final class PollExport {
    private final PollService service;

    public PollExport(PollService service) {
        this.service = service;
    }

    /** The rows of the export's tally and ballot sections, shared by both formats. */
    List<List<String>> tallyRows(long pollId) {
        PollResult r = service.result(pollId);
        PollDraft spec = r.poll().spec();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("投票", "#" + pollId, spec.title()));
        rows.add(List.of("方式", spec.secret() ? "无记名" : "记名", ""));
        rows.add(List.of("应投", String.valueOf(r.electorate()), ""));
        rows.add(List.of("实投", String.valueOf(r.voted()), ""));
        rows.add(List.of("序号", "选项", spec.kind() == PollKind.RATING ? "平均分" : "票数"));
        for (int option : r.optionNumbers()) {
            rows.add(List.of(String.valueOf(option), spec.options().get(option - 1),
                    spec.kind() == PollKind.RATING ? String.format("%.2f", r.averages()[option - 1])
                            : String.valueOf(r.count(option))));
        }
        rows.add(List.of("结果", service.renderResult(r).lines().reduce((a, b) -> b).orElse(""), ""));
        return rows;
    }

    List<List<String>> ballotRows(long pollId) {
        Poll poll = service.find(pollId).orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("选票编号", "选择"));
        for (Map.Entry<String, Choices> b : service.repository().ballots(pollId).entrySet()) {
            rows.add(List.of(b.getKey(), VoteCommand.describe(poll, b.getValue())));
        }
        return rows;
    }

    List<List<String>> namedRows(long pollId) {
        Poll poll = service.find(pollId).orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("工号", "姓名", "选择"));
        if (poll.secret()) {
            return rows;
        }
        for (Map.Entry<Long, Choices> e : service.repository().namedChoices(pollId).entrySet()) {
            Member m = service.members().findById(e.getKey()).orElse(null);
            rows.add(List.of(m == null ? "" : m.staffNo(), m == null ? "?" : m.name(),
                    VoteCommand.describe(poll, e.getValue())));
        }
        return rows;
    }

    List<List<String>> auditRows(long pollId) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("时间", "操作", "操作人"));
        for (AuditEntry a : service.repository().auditTrail(pollId)) {
            String who = a.memberId() == PollService.SYSTEM ? "系统（截止时间到）"
                    : service.members().findById(a.memberId()).map(Member::name).orElse("#" + a.memberId());
            rows.add(List.of(a.at().atZone(service.zone()).toLocalDateTime().toString(), a.action(), who));
        }
        return rows;
    }

    /** Only closed polls are exported: a running tally in a file would outlive the visibility rules. */
    public byte[] csv(long pollId, long exportedBy) {
        requireClosed(pollId);
        StringBuilder b = new StringBuilder("\uFEFF");
        appendCsv(b, tallyRows(pollId));
        b.append("\r\n");
        appendCsv(b, ballotRows(pollId));
        if (!service.find(pollId).orElseThrow().secret()) {
            b.append("\r\n");
            appendCsv(b, namedRows(pollId));
        }
        service.repository().audit(pollId, exportedBy, "exported", service.clock().instant());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(long pollId, long exportedBy) {
        requireClosed(pollId);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(book.createSheet("结果"), tallyRows(pollId));
            fill(book.createSheet("选票"), ballotRows(pollId));
            if (!service.find(pollId).orElseThrow().secret()) {
                fill(book.createSheet("记名"), namedRows(pollId));
            }
            service.repository().audit(pollId, exportedBy, "exported", service.clock().instant());
            fill(book.createSheet("操作记录"), auditRows(pollId));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireClosed(long pollId) {
        if (service.find(pollId).orElseThrow().isOpen()) {
            throw new IllegalStateException("poll " + pollId + " is still open");
        }
    }

    private static void fill(Sheet sheet, List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            for (int j = 0; j < rows.get(i).size(); j++) {
                String v = rows.get(i).get(j);
                if (v.matches("-?\\d{1,9}")) {
                    row.createCell(j).setCellValue(Long.parseLong(v));
                } else {
                    row.createCell(j).setCellValue(v);
                }
            }
        }
    }

    private static void appendCsv(StringBuilder b, List<List<String>> rows) {
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(escape(row.get(j)));
            }
            b.append("\r\n");
        }
    }

    /** RFC 4180 quoting, and a leading quote against formula injection (=, +, -, @) when opened in Excel. */
    static String escape(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
