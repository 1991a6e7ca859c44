package org.unionbot.core.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.LunarMonth;
import com.nlf.calendar.LunarYear;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Lunar dates and solar terms through {@code cn.6tail:lunar}. Lunar dates are defined in Beijing time;
 * the library computes new moons precisely enough to agree with the official almanac where simpler
 * algorithms (and ICU4J) are a day off. Only this class touches the library.
 */
public final class LunarCalendar {
    private LunarCalendar() {
    }

    /**
     * The solar date of a lunar date in lunar year {@code lunarYear}. A day past the month's end (30 in a
     * 29-day month, as for a birthday) falls on the month's last day; a leap month that the year does
     * not have falls back to the ordinary month of that number.
     */
    public static LocalDate toSolar(int lunarYear, int month, int day, boolean leap) {
        LunarYear year = LunarYear.fromYear(lunarYear);
        int m = leap && year.getLeapMonth() == month ? -month : month;
        LunarMonth lunarMonth = year.getMonth(m);
        int d = Math.min(day, lunarMonth.getDayCount());
        Solar solar = Lunar.fromYmd(lunarYear, m, d).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    /** The lunar date of a solar day. */
    public static LunarDate ofSolar(LocalDate date) {
        Lunar lunar = Solar.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).getLunar();
        int month = lunar.getMonth();
        return new LunarDate(lunar.getYear(), Math.abs(month), lunar.getDay(), month < 0);
    }

    /** The day of a solar term (清明, 冬至…) in the solar year, or empty for an unknown term name. */
    public static Optional<LocalDate> solarTerm(int year, String name) {
        // The table of lunar year Y spans the terms of solar year Y (小寒 of Y is in lunar year Y-1's
        // table too, so look in both and keep the one in the asked year).
        for (int lunarYear : new int[] {year, year - 1, year + 1}) {
            Map<String, Solar> table = Lunar.fromYmd(lunarYear, 6, 1).getJieQiTable();
            for (Map.Entry<String, Solar> e : table.entrySet()) {
                Solar s = e.getValue();
                if (normalise(e.getKey()).equals(name) && s.getYear() == year) {
                    return Optional.of(LocalDate.of(s.getYear(), s.getMonth(), s.getDay()));
                }
            }
        }
        return Optional.empty();
    }

    // The table keys some terms in upper case pinyin for the neighbouring years' copies (DONG_ZHI …).
    private static String normalise(String key) {
        return switch (key) {
            case "DONG_ZHI" -> "冬至";
            case "XIAO_HAN" -> "小寒";
            case "DA_HAN" -> "大寒";
            case "LI_CHUN" -> "立春";
            case "YU_SHUI" -> "雨水";
            case "JING_ZHE" -> "惊蛰";
            default -> key;
        };
    }

    /** A lunar date; {@code leap} marks a leap month (闰月). */
    public record LunarDate(int year, int month, int day, boolean leap) {}
}
