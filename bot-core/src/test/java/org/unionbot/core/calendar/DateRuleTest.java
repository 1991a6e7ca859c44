package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule kind, with fixed dates. */
class DateRuleTest {
    private final TermCalendar terms = new TermCalendar(List.of(
            new TermCalendar.SchoolTerm("2026秋", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22),
                    LocalDate.of(2027, 1, 11))));
    private final CalendarContext ctx = new CalendarContext(HolidayCalendar.bundled(), terms);

    @Test
    void fixedSolarDayIsTheSameEveryYearAndFeb29OnlyInLeapYears() {
        assertThat(RuleParser.parse("3月8日").inYear(2027, ctx)).containsExactly(LocalDate.of(2027, 3, 8));
        assertThat(RuleParser.parse("09-10")).isEqualTo(new DateRule.FixedSolar(9, 10));
        assertThat(RuleParser.parse("2月29日").inYear(2027, ctx)).isEmpty();
        assertThat(RuleParser.parse("2月29日").inYear(2028, ctx)).containsExactly(LocalDate.of(2028, 2, 29));
    }

    @Test
    void lunarRuleIsReadInChineseNumerals() {
        assertThat(RuleParser.parse("农历八月十五")).isEqualTo(new DateRule.Lunar(8, 15, false));
        assertThat(RuleParser.parse("农历正月初一")).isEqualTo(new DateRule.Lunar(1, 1, false));
        assertThat(RuleParser.parse("农历腊月廿三")).isEqualTo(new DateRule.Lunar(12, 23, false));
        assertThat(RuleParser.parse("农历闰五月初一")).isEqualTo(new DateRule.Lunar(5, 1, true));
    }

    @Test
    void lunarTwelfthMonthOfALunarYearFallsInTheNextSolarYear() {
        // 腊八 of lunar year 2026 is in January 2027; between() finds it when asked about early 2027.
        List<LocalDate> days = RuleParser.parse("腊八").between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), ctx);
        assertThat(days).containsExactly(LocalDate.of(2027, 1, 15));
    }

    @Test
    void lunarDayThirtyInAShortMonthFallsOnItsLastDay() {
        // A lunar birthday on the 30th still has a day in years where the month has 29 days.
        LocalDate d = LunarCalendar.toSolar(2026, 1, 30, false);
        var lunar = LunarCalendar.ofSolar(d);
        assertThat(lunar.month()).isEqualTo(1);
        assertThat(lunar.day()).isIn(29, 30);
    }

    @Test
    void solarTermIsAstronomical() {
        assertThat(RuleParser.parse("冬至").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 12, 22));
        assertThat(RuleParser.parse("清明节")).isEqualTo(new DateRule.SolarTerm("清明"));
    }

    @Test
    void nthWeekdayAndLastWeekdayOfAMonth() {
        assertThat(RuleParser.parse("5月第二个星期日")).isEqualTo(new DateRule.NthWeekday(5, 2, DayOfWeek.SUNDAY));
        assertThat(RuleParser.parse("11月最后一个周五").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 11, 27));
        assertThat(new DateRule.NthWeekday(2, 5, DayOfWeek.MONDAY).inYear(2027, ctx)).isEmpty();
    }

    @Test
    void monthBoundItemIsDueOnTheMonthsFirstWorkingDay() {
        // October 2026 starts with the National Day week: the first working day is the 8th.
        assertThat(RuleParser.parse("十月").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 10, 8));
        assertThat(RuleParser.parse("9月").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 9, 1));
        // 2027's schedule is not published: the 1st, without pretending to know the holidays.
        assertThat(RuleParser.parse("十月").inYear(2027, ctx)).containsExactly(LocalDate.of(2027, 10, 1));
    }

    @Test
    void cycleCountsFromTheLastYearItWasDone() {
        DateRule checkup = RuleParser.parse("每两年一次，上次2025年，5月第1个星期一");
        assertThat(checkup.inYear(2026, ctx)).isEmpty();
        assertThat(checkup.inYear(2027, ctx)).containsExactly(LocalDate.of(2027, 5, 3));
        assertThat(checkup.inYear(2029, ctx)).containsExactly(LocalDate.of(2029, 5, 7));
        assertThat(checkup.between(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), ctx)).hasSize(2);
    }

    @Test
    void calendarDayOffsetCountsEveryDay() {
        assertThat(RuleParser.parse("春节前7天").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 2, 10));
        assertThat(RuleParser.parse("重阳节后1天").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 10, 19));
    }

    @Test
    void workingDayOffsetSkipsHolidaysAndCountsMakeUpWorkdays() {
        // 中秋 2026 is Fri 25 Sep (holiday 25–27). Working days before it: Thu 24, Wed 23, Tue 22.
        assertThat(RuleParser.parse("中秋前3个工作日").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 9, 22));
        // 国庆 2026: 1–7 Oct off; Sat 10 Oct is a make-up workday, so 2 working days after 国庆 are 8 and 9,
        // and the 3rd is the Saturday 10th.
        assertThat(RuleParser.parse("国庆后3个工作日").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 10, 10));
        // Sun 20 Sep is a make-up workday: one working day before Mon 21 Sep is Sunday the 20th.
        assertThat(ctx.holidays().addWorkingDays(LocalDate.of(2026, 9, 21), -1)).isEqualTo(LocalDate.of(2026, 9, 20));
        // 春节 2026: Sat 14 Feb works; 15–23 off.
        assertThat(RuleParser.parse("春节前1个工作日").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 2, 14));
    }

    @Test
    void workingDayRuleInAnUnpublishedYearSaysSoInsteadOfGuessing() {
        assertThatThrownBy(() -> RuleParser.parse("中秋前3个工作日").inYear(2027, ctx))
                .isInstanceOf(HolidayCalendar.MissingHolidayData.class)
                .hasMessageContaining("2027");
    }

    @Test
    void termRulesFollowTheSchoolsTermCalendar() {
        assertThat(RuleParser.parse("开学").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 9, 1));
        assertThat(RuleParser.parse("开学前3天").inYear(2026, ctx)).containsExactly(LocalDate.of(2026, 8, 29));
        assertThat(RuleParser.parse("期末考试").inYear(2027, ctx)).containsExactly(LocalDate.of(2027, 1, 11));
        assertThat(RuleParser.parse("放假").inYear(2027, ctx)).containsExactly(LocalDate.of(2027, 1, 23));
    }

    @Test
    void unreadableRuleIsRefusedWithTheText() {
        assertThatThrownBy(() -> RuleParser.parse("下雨天")).hasMessageContaining("下雨天");
        assertThatThrownBy(() -> RuleParser.parse("13月1日")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holidayFileWithAConflictingDayIsRejected() {
        assertThatThrownBy(() -> HolidayCalendar.ofYaml("""
                year: 2030
                holidays: [{name: 元旦, from: 2030-01-01}]
                workdays: [2030-01-01]
                """)).hasMessageContaining("2030-01-01");
    }

    @Test
    void schoolCanAddNextYearsScheduleFromADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("cn-2027.yml"), """
                year: 2027
                holidays: [{name: 国庆节, from: 2027-10-01, to: 2027-10-07}]
                workdays: [2027-09-26]
                """);
        HolidayCalendar h = HolidayCalendar.bundled().withDirectory(dir);
        assertThat(h.knownYears()).contains(2026, 2027);
        assertThat(h.isWorkingDay(LocalDate.of(2027, 9, 26))).isTrue();
        assertThat(h.holidayName(LocalDate.of(2027, 10, 4))).contains("国庆节");
    }
}
