package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Member;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/** The exported files, opened and read back. */
class PollExportTest {
    final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final PollService service = new PollService(repo, harness.members, new RecordingScheduler(), harness.outbound,
            harness.messages, harness.clock);
    final PollExport export = new PollExport(service);

    private Member m(String staffNo) {
        return harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private Poll poll(boolean secret) {
        Poll poll = service.open(new PollDraft("春游, \"去哪\"", PollKind.SINGLE, List.of("苏州", "=杭州"), 1, 0,
                Electorate.all(), secret, false, secret ? Visibility.AFTER_CLOSE : Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(1)),
                null, new Rules.Threshold(1, 2, Rules.Basis.CAST, true)), m("C000"));
        service.vote(poll.id(), m("T001"), new Choices(List.of(1)), null);
        service.vote(poll.id(), m("T002"), new Choices(List.of(1)), null);
        service.vote(poll.id(), m("C001"), new Choices(List.of(2)), null);
        return poll;
    }

    @Test
    void anOpenPollIsNotExported() {
        Poll poll = poll(true);
        assertThatThrownBy(() -> export.csv(poll.id(), 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theXlsxOfASecretPollHasTheTallyAndAnonymousBallotsOnly() throws Exception {
        Poll poll = poll(true);
        service.close(poll.id(), m("C000").id());
        byte[] file = export.xlsx(poll.id(), m("C001").id());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            DataFormatter f = new DataFormatter();
            assertThat(book.getSheetName(0)).isEqualTo("结果");
            Sheet result = book.getSheet("结果");
            assertThat(f.formatCellValue(result.getRow(0).getCell(2))).isEqualTo("春游, \"去哪\"");
            assertThat(result.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(4.0);
            assertThat(result.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(f.formatCellValue(result.getRow(5).getCell(1))).isEqualTo("苏州");
            assertThat(result.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(result.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(f.formatCellValue(result.getRow(7).getCell(1))).isEqualTo("结论：苏州。");
            Sheet ballots = book.getSheet("选票");
            assertThat(ballots.getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheet("记名")).as("no names in a secret poll's export").isNull();
            Sheet audit = book.getSheet("操作记录");
            assertThat(f.formatCellValue(audit.getRow(1).getCell(1))).isEqualTo("created");
            assertThat(f.formatCellValue(audit.getRow(3).getCell(1))).isEqualTo("exported");
            assertThat(f.formatCellValue(audit.getRow(3).getCell(2))).isEqualTo("李明");
            for (Sheet sheet : book) {
                sheet.forEach(row -> row.forEach(cell ->
                        assertThat(f.formatCellValue(cell)).isNotIn("王芳", "赵丽", "T001", "T002")));
            }
        }
    }

    @Test
    void theCsvOfANamedPollListsWhoChoseWhatAndIsSafeToOpenInExcel() {
        Poll poll = poll(false);
        service.close(poll.id(), m("C000").id());
        String csv = new String(export.csv(poll.id(), 1), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF投票,#" + poll.id() + ",\"春游, \"\"去哪\"\"\"\r\n");
        assertThat(csv).contains("1,苏州,2\r\n", "2,'=杭州,1\r\n", "T001,王芳,1.苏州\r\n", "C001,李明,2.=杭州\r\n");
        assertThat(csv.lines().filter(l -> l.matches("[0-9a-f]{16},.*")).count()).isEqualTo(3);
    }
}
