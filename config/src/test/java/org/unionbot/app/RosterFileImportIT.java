package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.persistence.testing.TestDatabase;

/** A school's own roster file is imported at start, again idempotently at the next start, and no demo data appears. */
class RosterFileImportIT {

    @Test
    void theSchoolsExcelRosterIsLoadedAtStartAndReloadedWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("花名册.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet();
            String[][] rows = {{"姓名", "工号", "性别", "角色", "工会小组"},
                    {"许静", "X9001", "女", "主席", "行政组"}, {"韩磊", "X9002", "男", "", "体育组"},
                    {"", "X9003", "女", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        for (int start = 0; start < 2; start++) {
            try (var app = new SpringApplicationBuilder(UnionBotApplication.class).run("--server.port=0",
                    "--unionbot.db.url=" + TestDatabase.jdbcUrl(), "--unionbot.roster.file=" + file)) {
                MemberRepository members = app.getBean(MemberRepository.class);
                assertThat(members.findByStaffNo("X9001").orElseThrow().has(UnionRole.CHAIR)).isTrue();
                assertThat(members.findByStaffNo("X9002")).isPresent();
                assertThat(members.findByStaffNo("X9003")).isEmpty();
                assertThat(members.findByStaffNo("T000")).isEmpty();
                assertThat(members.findAll().stream().filter(m -> m.staffNo().startsWith("X900")).count()).isEqualTo(2);
            }
        }
    }
}
