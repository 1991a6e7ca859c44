package org.unionbot.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The statutory estimate for years without a State Council notice, 2026–2030, against an oracle that is
 * not the library under test: ICU4J's {@code ChineseCalendar} for the lunar holidays (除夕 = the day
 * before ICU's 正月初一, 端午 = ICU's 五月初五, 中秋 = ICU's 八月十五), and the published tables for 清明
 * and for the two 正月 where ICU starts the month a day off (2027, 2030; see {@link LunarOracleTest}).
 */
class HolidayEstimateTest {
    /** 正月初一 as published where ICU is a day off (domain.md §1.1, Hong Kong Observatory). */
    private static final Map<Integer, LocalDate> PUBLISHED_SPRING_FESTIVAL = Map.of(
            2027, LocalDate.of(2027, 2, 6), 2030, LocalDate.of(2030, 2, 3));
    /** 清明 by the published tables (FestivalDatesTest). */
    private static final Map<Integer, LocalDate> QINGMING = Map.of(2026, LocalDate.of(2026, 4, 5),
            2027, LocalDate.of(2027, 4, 5), 2028, LocalDate.of(2028, 4, 4), 2029, LocalDate.of(2029, 4, 4),
            2030, LocalDate.of(2030, 4, 5));

    /** The first day of {@code year} on which ICU says lunar {@code month}/{@code day} (not leap). */
    private static LocalDate icuDay(int year, int month, int day) {
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (Arrays.equals(LunarOracleTest.icu(d), new int[] {month, day, 0})) {
                return d;
            }
        }
        throw new AssertionError("ICU has no " + month + "/" + day + " in " + year);
    }

    private static Map<LocalDate, String> oracle(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = PUBLISHED_SPRING_FESTIVAL.getOrDefault(year, icuDay(year, 1, 1));
        for (int i = -1; i <= 2; i++) {
            days.put(newYear.plusDays(i), "春节");
        }
        days.put(QINGMING.get(year), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        days.put(LocalDate.of(year, 5, 2), "劳动节");
        days.put(icuDay(year, 5, 5), "端午节");
        days.put(icuDay(year, 8, 15), "中秋节");
        for (int d = 1; d <= 3; d++) {
            days.put(LocalDate.of(year, 10, d), "国庆节");
        }
        return days;
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027, 2028, 2029, 2030})
    void theStatutoryDaysOffAreThirteenAndAgreeWithTheOracle(int year) {
        Map<LocalDate, String> estimate = HolidayCalendar.statutoryDaysOff(year);
        // 13 days, except that 中秋 2028 (3 Oct) falls inside 国庆: the rule set gives no extra day, and the
        // estimate does not invent the one the notice will probably add.
        assertThat(estimate).hasSize(year == 2028 ? 12 : 13);
        assertThat(new TreeMap<>(estimate)).isEqualTo(oracle(year));
    }

    @Test
    void icuIsStillADayOffInTheTwoExceptionMonthsSoTheOracleUsesThePublishedDate() {
        // If ICU ever agrees, the exception table above is no longer needed: fail so it gets removed.
        assertThat(icuDay(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));
        assertThat(icuDay(2030, 1, 1)).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @Test
    void everyStatutoryDayOf2026IsADayOffInThePublishedNotice() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("holidays/cn-2026.yml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HolidayCalendar published = HolidayCalendar.ofYaml(text);
        for (Map.Entry<LocalDate, String> day : HolidayCalendar.statutoryDaysOff(2026).entrySet()) {
            assertThat(published.holidayName(day.getKey())).as(day.toString()).contains(day.getValue());
        }
    }

    @Test
    void theStrictCalendarRefusesAnUnpublishedYearAndTheEstimatingOneFlagsIt() {
        HolidayCalendar strict = HolidayCalendar.bundled();
        assertThat(strict.isEstimated(2026)).isFalse();
        assertThat(strict.isEstimated(2027)).isTrue();
        assertThatThrownBy(() -> strict.isWorkingDay(LocalDate.of(2027, 10, 1)))
                .isInstanceOf(HolidayCalendar.MissingHolidayData.class);

        HolidayCalendar estimating = strict.estimating();
        // The published year is untouched: 2026-10-10 (Saturday) is a make-up workday, 10-07 a day off.
        assertThat(estimating.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(estimating.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        // 2027 by the rule set: 1–3 Oct off, Monday 4 Oct a working day (the notice will likely differ).
        assertThat(estimating.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(estimating.isWorkingDay(LocalDate.of(2027, 10, 4))).isTrue();
        assertThat(estimating.holidayName(LocalDate.of(2027, 2, 5))).contains("春节"); // 除夕 2027
        // Beyond what the rule set and the lunar tables cover, it still refuses.
        assertThatThrownBy(() -> estimating.isWorkingDay(LocalDate.of(2100, 1, 4)))
                .isInstanceOf(HolidayCalendar.MissingHolidayData.class);
    }
}
