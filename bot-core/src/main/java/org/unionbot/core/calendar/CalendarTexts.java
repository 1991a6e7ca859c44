package org.unionbot.core.calendar;

import java.time.LocalDate;

/** Dates as teachers write them: 2026年9月25日（星期五）. */
public final class CalendarTexts {
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private CalendarTexts() {
    }

    public static String dateWithWeekday(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日（"
                + WEEKDAYS[d.getDayOfWeek().getValue() - 1] + "）";
    }
}
