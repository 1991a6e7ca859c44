package org.unionbot.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When a plan item happens, as a rule rather than a date: the union's plan names "中秋", "九月" or
 * "母亲节", and the date differs every year. {@link #inYear} gives the occurrences anchored in a year
 * (for a lunar rule, the lunar year); {@link #between} the occurrences in a range of days.
 */
public sealed interface DateRule {

    List<LocalDate> inYear(int year, CalendarContext context);

    /** The occurrences from {@code from} to {@code to}, both included, in order. */
    default List<LocalDate> between(LocalDate from, LocalDate to, CalendarContext context) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        // A lunar 腊月 date of lunar year Y lies in January of Y+1; an offset can cross a year end.
        for (int year = from.getYear() - 1; year <= to.getYear() + 1; year++) {
            List<LocalDate> inYear;
            try {
                inYear = inYear(year, context);
            } catch (HolidayCalendar.MissingHolidayData e) {
                if (year >= from.getYear() && year <= to.getYear()) {
                    throw e;
                }
                // A neighbouring year looked at only for dates that spill over (腊月, offsets): without
                // its schedule it contributes nothing rather than failing the years that are known.
                continue;
            }
            for (LocalDate d : inYear) {
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    dates.add(d);
                }
            }
        }
        return new ArrayList<>(dates);
    }

    /** The same day every year: 3月8日, 9月10日. 2月29日 happens only in leap years. */
    record FixedSolar(int month, int day) implements DateRule {
        public FixedSolar {
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
                throw new IllegalArgumentException("no such day: " + month + "/" + day);
            }
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
                return List.of();
            }
            return List.of(LocalDate.of(year, month, day));
        }
    }

    /** A lunar date (正月初一, 八月十五) in each lunar year. */
    record Lunar(int month, int day, boolean leap) implements DateRule {
        public Lunar {
            if (month < 1 || month > 12 || day < 1 || day > 30) {
                throw new IllegalArgumentException("no such lunar day: " + month + "/" + day);
            }
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            return List.of(LunarCalendar.toSolar(year, month, day, leap));
        }
    }

    /** A solar term (清明, 冬至): astronomical, on the 4th, 5th or 6th of April for 清明. */
    record SolarTerm(String name) implements DateRule {
        public SolarTerm {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            return LunarCalendar.solarTerm(year, name).map(List::of).orElse(List.of());
        }
    }

    /** The n-th weekday of a month (母亲节 = 5月第2个星期日); {@code n = -1} is the last one. */
    record NthWeekday(int month, int n, DayOfWeek weekday) implements DateRule {
        public NthWeekday {
            Objects.requireNonNull(weekday, "weekday");
            if (month < 1 || month > 12 || n == 0 || n < -1 || n > 5) {
                throw new IllegalArgumentException("no such weekday rule: " + month + "/" + n);
            }
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate d = n == -1 ? first.with(TemporalAdjusters.lastInMonth(weekday))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
            return d.getMonthValue() == month ? List.of(d) : List.of();
        }
    }

    /**
     * An item the plan puts in a month without a day ("九月：新会员入会"): it is due on the month's first
     * working day when the holiday data for the year is known, else on the 1st.
     */
    record MonthBound(int month) implements DateRule {
        public MonthBound {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("no such month: " + month);
            }
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            LocalDate first = LocalDate.of(year, month, 1);
            if (!context.holidays().knows(year)) {
                return List.of(first);
            }
            LocalDate d = first;
            while (!context.holidays().isWorkingDay(d) && d.getMonthValue() == month) {
                d = d.plusDays(1);
            }
            return List.of(d.getMonthValue() == month ? d : first);
        }
    }

    /** Every {@code everyYears} years, counted from the last year it was done (每两年一次, 上次2025年). */
    record Cycle(DateRule inner, int everyYears, int lastDoneYear) implements DateRule {
        public Cycle {
            Objects.requireNonNull(inner, "inner");
            if (everyYears < 1) {
                throw new IllegalArgumentException("a cycle needs at least one year");
            }
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            if (year <= lastDoneYear || (year - lastDoneYear) % everyYears != 0) {
                return List.of();
            }
            return inner.inYear(year, context);
        }
    }

    /**
     * A day some days before or after another rule's day ("中秋前3个工作日", "春节前7天"). Working days
     * follow the State Council's schedule, make-up workdays (调休) included; a year without published
     * data makes the rule fail with {@link HolidayCalendar.MissingHolidayData} rather than guess.
     */
    record Offset(DateRule base, int days, boolean workingDays) implements DateRule {
        public Offset {
            Objects.requireNonNull(base, "base");
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            List<LocalDate> out = new ArrayList<>();
            for (LocalDate d : base.inYear(year, context)) {
                out.add(workingDays ? context.holidays().addWorkingDays(d, days) : d.plusDays(days));
            }
            return out;
        }
    }

    /** A day of the school's term calendar (开学, 期末考试, 放假), set per term. */
    record Term(TermCalendar.Mark mark) implements DateRule {
        public Term {
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public List<LocalDate> inYear(int year, CalendarContext context) {
            return context.terms().datesOf(mark).stream().filter(d -> d.getYear() == year).toList();
        }
    }
}
