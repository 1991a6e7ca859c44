package org.unionbot.core.member.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.CalendarKind;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.testing.InMemoryMemberRepository;

class RosterImporterTest {
    private static final String CSV = "\uFEFF姓名,工号,性别,生日,生日历法,状态,入会日期,手机,工会小组,角色,标签\n"
            + "王芳,T001,女,1985-03-12,公历,在职,2010-09-01,13800001234,语文组,组长、教代会代表,新会员\n"
            + "\"李, 明\",T002,男,农历八月初三,,退休,,139-0000-5678,数学组,,\n"
            + ",T003,女,,,,,,,,\n"
            + "赵丽,T004,未知,13月40日,,在职,,12,语文组,校长,\n"
            + "钱多多🌸,T005,女,8-3,农历,在职,2020/9/1,,语文组,会员,\n"
            + "重复,T001,女,,,,,,,,\n";

    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final RosterImporter importer = new RosterImporter(members, Messages.chinese());

    @Test
    void importsGoodRowsAndReportsEachBadRowByNumber() throws Exception {
        ImportReport report = importer.importTable(RosterFiles.readCsv(new StringReader(CSV)));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.errors()).extracting(RowError::rowNumber).containsExactly(4, 5, 7);
        assertThat(report.errors().get(0).message()).contains("缺少姓名");
        assertThat(report.errors().get(1).message()).contains("性别「未知」", "生日「13月40日」", "手机号「12」", "角色「校长」");
        assertThat(report.errors().get(2).message()).contains("工号 T001 在本文件中重复出现");

        Member wang = members.findByStaffNo("T001").orElseThrow();
        assertThat(wang.gender()).isEqualTo(Gender.FEMALE);
        assertThat(wang.birthday()).isEqualTo(Birthday.solar(3, 12));
        assertThat(wang.joinDate()).isEqualTo(LocalDate.of(2010, 9, 1));
        assertThat(wang.phoneTail()).isEqualTo("1234");
        assertThat(wang.roles()).containsExactlyInAnyOrder(UnionRole.MEMBER, UnionRole.GROUP_LEADER, UnionRole.DELEGATE);
        assertThat(wang.tags()).containsExactlyInAnyOrder("新会员", "女职工");

        Member li = members.findByStaffNo("T002").orElseThrow();
        assertThat(li.name()).isEqualTo("李, 明");
        assertThat(li.birthday()).isEqualTo(Birthday.lunar(8, 3));
        assertThat(li.status()).isEqualTo(MemberStatus.RETIRED);
        assertThat(li.tags()).containsExactly("退休");
        assertThat(li.phoneTail()).isEqualTo("5678");

        assertThat(members.findByStaffNo("T005").orElseThrow().birthday())
                .isEqualTo(new Birthday(CalendarKind.LUNAR, 8, 3, false));

        var chinese = members.groups().stream().filter(g -> g.name().equals("语文组")).findFirst().orElseThrow();
        assertThat(chinese.leaderMemberId()).isEqualTo(wang.id());
    }

    @Test
    void importingTheSameRosterTwiceChangesNothing() throws Exception {
        importer.importTable(RosterFiles.readCsv(new StringReader(CSV)));
        ImportReport again = importer.importTable(RosterFiles.readCsv(new StringReader(CSV)));
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(members.count()).isEqualTo(3);
    }

    @Test
    void aChangedRowUpdatesTheMember() throws Exception {
        importer.importTable(RosterFiles.readCsv(new StringReader(CSV)));
        String changed = "姓名,工号,状态\n王芳,T001,调出\n";
        ImportReport report = importer.importTable(RosterFiles.readCsv(new StringReader(changed)));
        assertThat(report.updated()).isEqualTo(1);
        assertThat(members.findByStaffNo("T001").orElseThrow().status()).isEqualTo(MemberStatus.TRANSFERRED);
    }

    @Test
    void aRosterWithoutTheStaffNumberColumnIsRefusedWhole() throws Exception {
        ImportReport report = importer.importTable(RosterFiles.readCsv(new StringReader("姓名,性别\n王芳,女\n")));
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("工号"));
    }

    @Test
    void readsExcelWithDateCells() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("花名册");
            var header = sheet.createRow(0);
            String[] headers = {"姓名", "工号", "性别", "出生日期", "工会小组", "角色"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("孙悦");
            row.createCell(1).setCellValue(1024); // a numeric staff number, as Excel stores it
            row.createCell(2).setCellValue("女");
            var date = row.createCell(3);
            date.setCellValue(LocalDate.of(1990, 10, 8));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(style);
            row.createCell(4).setCellValue("英语组");
            row.createCell(5).setCellValue("委员");
            workbook.write(file);
        }
        ImportReport report = importer.importTable(RosterFiles.readExcel(new ByteArrayInputStream(file.toByteArray())));
        assertThat(report.errors()).isEmpty();
        Member sun = members.findByStaffNo("1024").orElseThrow();
        assertThat(sun.birthday()).isEqualTo(Birthday.solar(10, 8));
        assertThat(sun.isCommittee()).isTrue();
    }
}
