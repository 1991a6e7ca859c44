package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The festivals of 2026–2030 against a published table (domain.md §1.1 for 2026–2028; the Hong Kong
 * Observatory's Gregorian–lunar tables for 2029–2030) and against ICU4J, which is not the library under
 * test (except in the two months where ICU is a day off, see {@link LunarOracleTest}). Mother's and Father's Day and 清明 are checked against the table only.
 */
class FestivalDatesTest {
    private final CalendarContext ctx = new CalendarContext(HolidayCalendar.bundled(), TermCalendar.empty());

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            "春节, 2026, 2026-02-17", "春节, 2027, 2027-02-06", "春节, 2028, 2028-01-26", "春节, 2029, 2029-02-13", "春节, 2030, 2030-02-03",
            "元宵节, 2026, 2026-03-03", "元宵节, 2027, 2027-02-20", "元宵节, 2028, 2028-02-09", "元宵节, 2029, 2029-02-27", "元宵节, 2030, 2030-02-17",
            "端午节, 2026, 2026-06-19", "端午节, 2027, 2027-06-09", "端午节, 2028, 2028-05-28", "端午节, 2029, 2029-06-16", "端午节, 2030, 2030-06-05",
            "中秋节, 2026, 2026-09-25", "中秋节, 2027, 2027-09-15", "中秋节, 2028, 2028-10-03", "中秋节, 2029, 2029-09-22", "中秋节, 2030, 2030-09-12",
            "重阳节, 2026, 2026-10-18", "重阳节, 2027, 2027-10-08", "重阳节, 2028, 2028-10-26", "重阳节, 2029, 2029-10-16", "重阳节, 2030, 2030-10-05",
            "清明, 2026, 2026-04-05", "清明, 2027, 2027-04-05", "清明, 2028, 2028-04-04", "清明, 2029, 2029-04-04", "清明, 2030, 2030-04-05",
            "母亲节, 2026, 2026-05-10", "母亲节, 2027, 2027-05-09", "母亲节, 2028, 2028-05-14", "母亲节, 2029, 2029-05-13", "母亲节, 2030, 2030-05-12",
            "父亲节, 2026, 2026-06-21", "父亲节, 2027, 2027-06-20", "父亲节, 2028, 2028-06-18", "父亲节, 2029, 2029-06-17", "父亲节, 2030, 2030-06-16",
            "除夕, 2026, 2026-02-16", "教师节, 2027, 2027-09-10", "三八, 2030, 2030-03-08"
    })
    void festivalFallsOnThePublishedDay(String name, int year, LocalDate expected) {
        DateRule rule = RuleParser.parse(name);
        assertThat(rule.inYear(year, ctx)).containsExactly(expected);
        if (rule instanceof DateRule.Lunar lunar && !LunarOracleTest.inKnownIcuError(expected)) {
            int[] icu = LunarOracleTest.icu(expected);
            assertThat(icu).as("ICU4J's lunar date of " + expected).containsExactly(lunar.month(), lunar.day(), 0);
        }
    }
}
