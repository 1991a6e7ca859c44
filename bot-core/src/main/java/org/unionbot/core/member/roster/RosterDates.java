package org.unionbot.core.member.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.member.Birthday;

/** Reads the date spellings found in school rosters, including lunar ones such as 农历八月初三. */
final class RosterDates {
    private static final Pattern FULL = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LUNAR = Pattern.compile(
            "(闰)?(正|一|二|三|四|五|六|七|八|九|十|十一|十二|冬|腊)月"
            + "(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)");
    private static final String DIGITS = "一二三四五六七八九十";

    private RosterDates() {
    }

    static Optional<LocalDate> parseDate(String text) {
        Matcher m = FULL.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A birthday cell: a full date or month-day, solar unless {@code lunarColumn} says 农历 or the cell
     * itself is written the lunar way (农历八月初三, 闰四月十五, or 农历 8-3).
     */
    static Optional<Birthday> parseBirthday(String cell, boolean lunarColumn) {
        String text = cell.strip();
        boolean lunar = lunarColumn;
        if (text.startsWith("农历") || text.startsWith("阴历")) {
            lunar = true;
            text = text.substring(2).strip();
        } else if (text.startsWith("公历") || text.startsWith("阳历")) {
            lunar = false;
            text = text.substring(2).strip();
        }
        Matcher chinese = LUNAR.matcher(text);
        if (chinese.matches()) {
            int month = lunarMonth(chinese.group(2));
            int day = lunarDay(chinese.group(3));
            return build(true, month, day, chinese.group(1) != null);
        }
        int month;
        int day;
        Matcher full = FULL.matcher(text);
        Matcher md = MONTH_DAY.matcher(text);
        if (full.matches()) {
            month = Integer.parseInt(full.group(2));
            day = Integer.parseInt(full.group(3));
            if (!lunar && parseDate(text).isEmpty()) {
                return Optional.empty();
            }
        } else if (md.matches()) {
            month = Integer.parseInt(md.group(1));
            day = Integer.parseInt(md.group(2));
        } else {
            return Optional.empty();
        }
        return build(lunar, month, day, false);
    }

    private static Optional<Birthday> build(boolean lunar, int month, int day, boolean leap) {
        try {
            return Optional.of(lunar ? new Birthday(org.unionbot.core.member.CalendarKind.LUNAR, month, day, leap)
                    : Birthday.solar(month, day));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int lunarMonth(String name) {
        return switch (name) {
            case "正", "一" -> 1;
            case "冬", "十一" -> 11;
            case "腊", "十二" -> 12;
            default -> DIGITS.indexOf(name) + 1;
        };
    }

    private static int lunarDay(String name) {
        char first = name.charAt(0);
        String last = name.substring(name.length() - 1);
        return switch (first) {
            case '初' -> DIGITS.indexOf(last) + 1;
            case '十' -> 10 + DIGITS.indexOf(last) + 1;
            case '廿' -> 20 + DIGITS.indexOf(last) + 1;
            case '二' -> name.length() == 2 ? 20 : 20 + DIGITS.indexOf(last) + 1;
            default -> 30; // 三十
        };
    }
}
