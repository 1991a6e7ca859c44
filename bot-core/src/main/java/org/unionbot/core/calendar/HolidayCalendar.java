package org.unionbot.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * China's statutory holidays and make-up workdays (调休), as DATA: the State Council publishes each
 * year's schedule in November (国务院办公厅关于 Y 年部分节假日安排的通知), and no code can know it before.
 * One file per year, {@code holidays/cn-YYYY.yml}, on the class path or in a directory the school names.
 * A year without a file is unknown: working-day questions about it fail with {@link MissingHolidayData}
 * instead of silently treating the 国庆 week as working days.
 *
 * <p>For previews and answers, {@link #estimating()} fills a year without a file from the statutory rule
 * set (《全国年节及纪念日放假办法》 as amended in 2024): 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2
 * (1–2 May), 端午 1, 中秋 1, 国庆 3 (1–3 Oct), with no make-up workdays — the State Council's notice
 * usually joins these to weekends and adds 调休, which no rule can foresee. Such a year is
 * {@link #isEstimated estimated}, and callers say so; durable scheduling keeps the strict calendar.
 */
public final class HolidayCalendar {
    /** The years the lunar library and the statutory rule set can estimate. */
    static final int FIRST_ESTIMATED_YEAR = 2025;
    static final int LAST_ESTIMATED_YEAR = 2099;
    public static final String ESTIMATE_SOURCE = "估算：《全国年节及纪念日放假办法》（2024年修订），未含调休";

    private final Map<Integer, YearSchedule> years;
    private final boolean estimateMissing;
    private final Map<Integer, YearSchedule> estimates = new java.util.concurrent.ConcurrentHashMap<>();

    private HolidayCalendar(Map<Integer, YearSchedule> years) {
        this(years, false);
    }

    private HolidayCalendar(Map<Integer, YearSchedule> years, boolean estimateMissing) {
        this.years = Map.copyOf(years);
        this.estimateMissing = estimateMissing;
    }

    /**
     * This calendar, with every year that has no published schedule estimated from the statutory rule set
     * (see the class comment) instead of failing. For previews and answers, which must flag it.
     */
    public HolidayCalendar estimating() {
        return estimateMissing ? this : new HolidayCalendar(years, true);
    }

    /** True when {@code year} has no published schedule (an {@link #estimating()} calendar guesses it). */
    public boolean isEstimated(int year) {
        return !years.containsKey(year);
    }

    /**
     * The statutory days off of {@code year} by the 2024 rule set, without 调休: 元旦, 春节 (除夕 to 初三),
     * 清明, 劳动节 (1–2 May), 端午, 中秋, 国庆 (1–3 Oct). 13 days (12 when 中秋 falls in 1–3 Oct, as in 2028); the lunar ones from {@link LunarCalendar}.
     */
    public static Map<LocalDate, String> statutoryDaysOff(int year) {
        if (year < FIRST_ESTIMATED_YEAR || year > LAST_ESTIMATED_YEAR) {
            throw new MissingHolidayData(year);
        }
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        // 除夕 is the eve of 正月初一 (the 29th or 30th of 腊月): one day before, whichever it is.
        LocalDate springFestival = LunarCalendar.toSolar(year, 1, 1, false);
        for (int i = -1; i <= 2; i++) {
            days.put(springFestival.plusDays(i), "春节");
        }
        days.put(LunarCalendar.solarTerm(year, "清明").orElseThrow(), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        days.put(LocalDate.of(year, 5, 2), "劳动节");
        days.put(LunarCalendar.toSolar(year, 5, 5, false), "端午节");
        days.put(LunarCalendar.toSolar(year, 8, 15, false), "中秋节");
        for (int d = 1; d <= 3; d++) {
            days.put(LocalDate.of(year, 10, d), "国庆节");
        }
        return days;
    }

    public static HolidayCalendar empty() {
        return new HolidayCalendar(Map.of());
    }

    /** The schedules shipped in the jar ({@code holidays/cn-YYYY.yml}). */
    public static HolidayCalendar bundled() {
        Map<Integer, YearSchedule> years = new TreeMap<>();
        for (int year = 2000; year <= 2100; year++) {
            try (InputStream in = HolidayCalendar.class.getClassLoader()
                    .getResourceAsStream("holidays/cn-" + year + ".yml")) {
                if (in != null) {
                    YearSchedule s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    years.put(s.year(), s);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new HolidayCalendar(years);
    }

    /** This calendar plus the {@code cn-*.yml} files of {@code directory}; a file there overrides a bundled year. */
    public HolidayCalendar withDirectory(Path directory) {
        Map<Integer, YearSchedule> merged = new TreeMap<>(years);
        if (directory == null || !Files.isDirectory(directory)) {
            return this;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "cn-*.yml")) {
            for (Path file : files) {
                YearSchedule s = parse(Files.readString(file, StandardCharsets.UTF_8));
                merged.put(s.year(), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HolidayCalendar(merged);
    }

    /** A calendar of the given YAML texts (tests, and a school's upload). */
    public static HolidayCalendar ofYaml(String... texts) {
        Map<Integer, YearSchedule> years = new HashMap<>();
        for (String t : texts) {
            YearSchedule s = parse(t);
            years.put(s.year(), s);
        }
        return new HolidayCalendar(years);
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public Set<Integer> knownYears() {
        return new TreeSet<>(years.keySet());
    }

    /** Whether staff work that day: a weekday that is no holiday, or a make-up Saturday/Sunday. */
    public boolean isWorkingDay(LocalDate date) {
        YearSchedule s = schedule(date.getYear());
        if (s.workdays().contains(date)) {
            return true;
        }
        if (s.holidays().containsKey(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The holiday's name (春节, 国庆节) if the day is a statutory day off. */
    public java.util.Optional<String> holidayName(LocalDate date) {
        return java.util.Optional.ofNullable(schedule(date.getYear()).holidays().get(date));
    }

    /**
     * The {@code n}-th working day after {@code date} ({@code n < 0}: before). "中秋前3个工作日" is
     * {@code addWorkingDays(中秋, -3)}; {@code n = 0} is the day itself.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        int step = n < 0 ? -1 : 1;
        int left = Math.abs(n);
        LocalDate d = date;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private YearSchedule schedule(int year) {
        YearSchedule s = years.get(year);
        if (s == null) {
            if (!estimateMissing) {
                throw new MissingHolidayData(year);
            }
            return estimates.computeIfAbsent(year,
                    y -> new YearSchedule(y, Map.copyOf(statutoryDaysOff(y)), Set.of(), ESTIMATE_SOURCE));
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static YearSchedule parse(String yamlText) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        if (!(root instanceof Map<?, ?> raw) || !(raw.get("year") instanceof Integer year)) {
            throw new IllegalArgumentException("a holiday file needs 'year: YYYY'");
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        Map<LocalDate, String> holidays = new HashMap<>();
        for (Object o : (List<Object>) map.getOrDefault("holidays", List.of())) {
            Map<String, Object> h = (Map<String, Object>) o;
            String name = String.valueOf(h.get("name"));
            LocalDate from = date(h.get("from"));
            LocalDate to = h.get("to") == null ? from : date(h.get("to"));
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.put(d, name);
            }
        }
        Set<LocalDate> workdays = new HashSet<>();
        for (Object o : (List<Object>) map.getOrDefault("workdays", List.of())) {
            workdays.add(date(o));
        }
        for (LocalDate d : workdays) {
            if (holidays.containsKey(d)) {
                throw new IllegalArgumentException(d + " is both a holiday and a make-up workday");
            }
        }
        return new YearSchedule(year, Map.copyOf(holidays), Set.copyOf(workdays),
                String.valueOf(map.getOrDefault("source", "")));
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }

    /** One year's published schedule. */
    record YearSchedule(int year, Map<LocalDate, String> holidays, Set<LocalDate> workdays, String source) {}

    /** Working days were asked for a year whose schedule has not been loaded (not yet published?). */
    public static final class MissingHolidayData extends RuntimeException {
        private final int year;

        public MissingHolidayData(int year) {
            super("no statutory holiday schedule loaded for " + year
                    + " (add holidays/cn-" + year + ".yml when the State Council publishes it)");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + new ArrayList<>(knownYears()) + (estimateMissing ? "+estimated" : "");
    }
}
