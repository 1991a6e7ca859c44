package org.unionbot.core.calendar;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date rule as a union writes it in its plan: "3月8日", "农历八月十五", "中秋节", "清明",
 * "5月第2个星期日", "九月", "中秋前3个工作日", "春节前7天", "开学", "每两年一次 上次2025 5月第1个星期一".
 */
public final class RuleParser {
    private static final String NUM = "[0-9一二两三四五六七八九十廿]+";
    private static final Pattern CYCLE = Pattern.compile("^每(" + NUM + ")年一次[，,;；\\s]*(?:上次|上一次)(\\d{4})年?[，,;；\\s]*(.+)$");
    private static final Pattern OFFSET = Pattern.compile("^(.+?)(前|后)(" + NUM + ")(个工作日|个?天|日)$");
    private static final Pattern SOLAR = Pattern.compile("^(?:公历|阳历)?(" + NUM + ")月(" + NUM + ")[日号]$");
    private static final Pattern ISO = Pattern.compile("^(\\d{1,2})-(\\d{1,2})$");
    private static final Pattern LUNAR = Pattern.compile("^(?:农历|阴历)(闰)?(" + NUM + "|正|冬|腊)月(初?" + NUM + ")[日号]?$");
    private static final Pattern NTH = Pattern.compile("^(" + NUM + ")月(?:的)?(第(" + NUM + ")个|最后一个)(?:星期|周|礼拜)([一二三四五六日天])$");
    private static final Pattern MONTH = Pattern.compile("^(" + NUM + ")月(?:份|内|中)?$");

    /** Named days: each maps to the rule text it stands for. */
    private static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        named("农历正月初一", "春节", "春节（正月初一）", "大年初一");
        named("农历正月十五", "元宵节", "元宵");
        named("农历五月初五", "端午节", "端午");
        named("农历七月初七", "七夕节", "七夕");
        named("农历八月十五", "中秋节", "中秋");
        named("农历九月初九", "重阳节", "重阳", "老人节", "敬老节");
        named("农历腊月初八", "腊八节", "腊八");
        named("1月1日", "元旦", "元旦节");
        named("3月8日", "妇女节", "三八妇女节", "三八节", "三八", "国际妇女节");
        named("3月12日", "植树节");
        named("5月1日", "劳动节", "五一劳动节", "五一", "国际劳动节");
        named("5月4日", "青年节", "五四青年节", "五四");
        named("6月1日", "儿童节", "六一儿童节", "六一");
        named("7月1日", "建党节", "七一");
        named("8月1日", "建军节", "八一");
        named("9月10日", "教师节");
        named("10月1日", "国庆节", "国庆", "十一");
        named("5月第2个星期日", "母亲节");
        named("6月第3个星期日", "父亲节");
        for (String term : new String[] {"立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种",
                "夏至", "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
                "小寒", "大寒"}) {
            NAMED.put(term, "节气:" + term);
        }
        NAMED.put("清明节", "节气:清明");
        NAMED.put("除夕", "春节前1天");
        NAMED.put("开学", "学期:TERM_START");
        NAMED.put("开学日", "学期:TERM_START");
        NAMED.put("学期末", "学期:TERM_END");
        NAMED.put("期末考试", "学期:EXAM_START");
        NAMED.put("放假", "学期:VACATION_START");
        NAMED.put("寒暑假", "学期:VACATION_START");
    }

    private static void named(String rule, String... names) {
        for (String n : names) {
            NAMED.put(n, rule);
        }
    }

    private RuleParser() {
    }

    /** Every name the parser knows for a day (festivals, solar terms, term marks). */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(NAMED.keySet());
    }

    /** The rule a festival name stands for ("中秋节" → lunar 8/15), if it is one. */
    public static Optional<DateRule> named(String name) {
        String rule = NAMED.get(name.strip());
        return rule == null ? Optional.empty() : Optional.of(parse(rule));
    }

    /** Parses a rule; throws {@link IllegalArgumentException} with the reason when it cannot. */
    public static DateRule parse(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("　", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty date rule");
        }
        Matcher m;
        if ((m = CYCLE.matcher(text.strip())).matches()) {
            return new DateRule.Cycle(parse(m.group(3)), number(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String named = NAMED.get(t);
        if (named != null) {
            if (named.startsWith("节气:")) {
                return new DateRule.SolarTerm(named.substring(3));
            }
            if (named.startsWith("学期:")) {
                return new DateRule.Term(TermCalendar.Mark.valueOf(named.substring(3)));
            }
            return parse(named);
        }
        if ((m = SOLAR.matcher(t)).matches()) {
            return new DateRule.FixedSolar(number(m.group(1)), number(m.group(2)));
        }
        if ((m = ISO.matcher(t)).matches()) {
            return new DateRule.FixedSolar(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = LUNAR.matcher(t)).matches()) {
            return new DateRule.Lunar(lunarMonth(m.group(2)), lunarDay(m.group(3)), m.group(1) != null);
        }
        if ((m = NTH.matcher(t)).matches()) {
            int n = m.group(3) == null ? -1 : number(m.group(3));
            return new DateRule.NthWeekday(number(m.group(1)), n, weekday(m.group(4)));
        }
        if ((m = MONTH.matcher(t)).matches()) {
            return new DateRule.MonthBound(number(m.group(1)));
        }
        if ((m = OFFSET.matcher(t)).matches()) {
            DateRule base = parse(m.group(1));
            int n = number(m.group(3)) * (m.group(2).equals("前") ? -1 : 1);
            return new DateRule.Offset(base, n, m.group(4).contains("工作日"));
        }
        throw new IllegalArgumentException("cannot read the date rule \"" + text.strip() + "\"");
    }

    private static DayOfWeek weekday(String c) {
        return switch (c) {
            case "一" -> DayOfWeek.MONDAY;
            case "二" -> DayOfWeek.TUESDAY;
            case "三" -> DayOfWeek.WEDNESDAY;
            case "四" -> DayOfWeek.THURSDAY;
            case "五" -> DayOfWeek.FRIDAY;
            case "六" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static int lunarMonth(String s) {
        return switch (s) {
            case "正" -> 1;
            case "冬" -> 11;
            case "腊" -> 12;
            default -> number(s);
        };
    }

    private static int lunarDay(String s) {
        return number(s.startsWith("初") ? s.substring(1) : s);
    }

    /** 8, 十五, 二十三, 廿三, 两. */
    public static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String t = s.replace("廿", "二十").replace("两", "二");
        int ten = t.indexOf('十');
        if (ten < 0) {
            return digit(t);
        }
        int tens = ten == 0 ? 1 : digit(t.substring(0, ten));
        int ones = ten == t.length() - 1 ? 0 : digit(t.substring(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(String s) {
        int i = "零一二三四五六七八九".indexOf(s);
        if (s.length() != 1 || i < 0) {
            throw new IllegalArgumentException("not a number: " + s);
        }
        return i;
    }
}
