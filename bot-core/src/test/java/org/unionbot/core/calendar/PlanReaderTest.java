package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.notify.Audience;
import org.unionbot.core.testing.CalendarFixture;

class PlanReaderTest {

    @Test
    void yamlPlanGivesOneItemPerLineWithItsRuleAudienceAndLeadTimes() {
        PlanImport plan = PlanReader.yaml(CalendarFixture.PLAN);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.name()).isEqualTo("2026-2027学年第一学期");
        assertThat(plan.items()).extracting(PlanItem::key)
                .containsExactly("teachers-day", "double-ninth", "mid-autumn-gifts", "committee-night", "outage-drill");
        PlanItem ninth = plan.items().get(1);
        assertThat(ninth.rule()).isEqualTo(new DateRule.Lunar(9, 9, false));
        assertThat(ninth.audience()).containsExactly(new Audience.Tag("退休教师"));
        assertThat(ninth.leadDays()).containsExactly(3);
        assertThat(ninth.followUpDays()).isEqualTo(1);
        assertThat(ninth.time()).isEqualTo(LocalTime.of(14, 30));
        assertThat(plan.items().get(3).audience()).containsExactly(new Audience.Role(UnionRole.COMMITTEE));
        assertThat(plan.items().get(4).urgent()).isTrue();
    }

    @Test
    void badYamlItemsAreReportedByNumberAndFieldWhileTheOthersLoad() {
        PlanImport plan = PlanReader.yaml("""
                items:
                  - { key: ok, title: 三八节, date: 三八 }
                  - { key: bad-rule, title: 某活动, date: 下雨天 }
                  - { key: bad-time, title: 某会议, date: 9月1日, time: "25:00" }
                  - { key: no-title, date: 9月1日 }
                """);
        assertThat(plan.items()).extracting(PlanItem::key).containsExactly("ok");
        assertThat(plan.errors()).extracting(PlanRowError::row, PlanRowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "日期规则"),
                        org.assertj.core.groups.Tuple.tuple(3, "时间"), org.assertj.core.groups.Tuple.tuple(4, "项目"));
        assertThat(plan.errors().get(0).message()).contains("下雨天");
    }

    @Test
    void storedDefinitionReadsBackToTheSameItem() {
        for (PlanItem item : PlanReader.yaml(CalendarFixture.PLAN).items()) {
            var stored = new StoredSeries(item.key(), item.title(), PlanReader.toYaml(item), SeriesStatus.PENDING, null, null);
            assertThat(stored.item()).isEqualTo(item);
        }
    }

    @Test
    void excelPlanInTheShapeUnionsKeepLoadsWithAPerRowErrorReport() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("2026学年工会计划");
            String[][] rows = {
                    {"月份", "项目", "对象", "负责人", "日期规则", "提前提醒", "渠道"},
                    {"九月", "教师节慰问", "全体会员", "张建华", "教师节", "提前7天、1天", "web"},
                    {"十月", "重阳节看望退休教师", "退休教师", "李明", "重阳", "提前三天", ""},
                    {"十一月", "教代会", "教代会代表", "张建华", "", "7", ""},
                    {"三月", "体检", "全体会员", "", "每两年一次，上次2025年，3月第2个星期一", "", ""},
                    {"", "", "", "", "", "", ""},
                    {"五月", "某活动", "全体会员", "", "五月的某天", "", ""},
                    {"六月", "", "全体会员", "", "6月1日", "", ""},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        PlanImport plan = PlanReader.excel(new ByteArrayInputStream(xlsx));
        assertThat(plan.items()).extracting(PlanItem::title).containsExactly("教师节慰问", "重阳节看望退休教师", "教代会", "体检");
        assertThat(plan.items().get(0).leadDays()).containsExactly(7, 1);
        assertThat(plan.items().get(0).channel()).isEqualTo("web");
        assertThat(plan.items().get(1).leadDays()).containsExactly(3);
        assertThat(plan.items().get(2).rule()).isEqualTo(new DateRule.MonthBound(11));
        assertThat(plan.items().get(2).audience()).containsExactly(new Audience.Role(UnionRole.DELEGATE));
        assertThat(plan.items().get(3).rule()).isInstanceOf(DateRule.Cycle.class);
        assertThat(plan.errors()).extracting(PlanRowError::row).containsExactly(7, 8);
        assertThat(plan.errors().get(0).field()).isEqualTo("日期规则");
        assertThat(plan.errors().get(1).field()).isEqualTo("项目");
        // Re-importing gives the same keys, so the approved series are recognised.
        assertThat(PlanReader.excel(new ByteArrayInputStream(xlsx)).items()).extracting(PlanItem::key)
                .isEqualTo(plan.items().stream().map(PlanItem::key).toList());
        assertThat(List.of(plan.items().get(0).key())).allMatch(k -> k.startsWith("item-"));
    }
}
