package org.unionbot.core.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.engine.FallbackHandler;
import org.unionbot.core.engine.MessageContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.Reply;

/**
 * Questions about the calendar and the plan that are sentences, not commands: "中秋节是哪天",
 * "2027年重阳节是几月几号", "下个月有什么活动", "重阳节退休教师活动几点在哪", and "提前三天提醒我". What it
 * does not recognise goes to the next handler (the knowledge base, or the guiding fallback).
 */
public final class CalendarQuestions implements FallbackHandler {
    private static final Pattern DATE_Q = Pattern.compile(
            "^(?:(\\d{4})年|(今年|明年|后年|去年))?(.{1,8}?)(?:是)?(?:哪天|哪一天|几号|几月几号|几月几日|什么时候|是几号|在哪天)[？?。！!]*$");
    private static final Pattern MONTH_Q = Pattern.compile("^(这个月|本月|下个月|下月)(?:有)?(?:什么|哪些)(?:活动|安排)[？?。]*$");
    private static final Pattern WHERE_Q = Pattern.compile("^(.+?)(?:几点|什么时间|在哪|在哪里|在哪儿|地点)");
    private static final Pattern LEAD = Pattern.compile("^(.*?)提前([0-9一二两三四五六七八九十]+)天提醒我(.*?)[。！!]*$");
    private static final String[] LUNAR_MONTHS = {"", "正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月",
            "十月", "冬月", "腊月"};

    private final ReminderService reminders;
    private final SubscriptionRepository subscriptions;
    private final Messages messages;
    private final FallbackHandler next;

    public CalendarQuestions(ReminderService reminders, SubscriptionRepository subscriptions, Messages messages,
                             FallbackHandler next) {
        this.reminders = reminders;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.next = next;
    }

    @Override
    public Reply answer(MessageContext context) {
        String text = context.message().text().strip().replace(" ", "");
        Optional<Reply> reply = answer(text, context.member());
        return reply.orElseGet(() -> next.answer(context));
    }

    /** The answer to a calendar question, or empty when the text is none. */
    public Optional<Reply> answer(String text, Optional<Member> member) {
        Matcher m;
        if ((m = LEAD.matcher(text)).matches() && member.isPresent()) {
            return Optional.of(lead(member.get(), (m.group(1) + m.group(3)).strip(), RuleParser.number(m.group(2))));
        }
        if ((m = MONTH_Q.matcher(text)).matches()) {
            YearMonth month = YearMonth.from(reminders.today());
            if (m.group(1).startsWith("下")) {
                month = month.plusMonths(1);
            }
            return Optional.of(month(month));
        }
        if ((m = DATE_Q.matcher(text)).matches()) {
            String name = m.group(3);
            Optional<DateRule> rule = RuleParser.named(name);
            if (rule.isPresent()) {
                return Optional.of(date(name, rule.get(), year(m.group(1), m.group(2), rule.get())));
            }
        }
        if ((m = WHERE_Q.matcher(text)).find()) {
            Optional<StoredSeries> s = SeriesFinder.find(approved(), m.group(1));
            if (s.isPresent()) {
                return Optional.of(where(s.get().item()));
            }
        }
        return Optional.empty();
    }

    private List<StoredSeries> approved() {
        return reminders.all().stream().filter(s -> s.status() == SeriesStatus.APPROVED).toList();
    }

    private int year(String digits, String relative, DateRule rule) {
        LocalDate today = reminders.today();
        if (digits != null) {
            return Integer.parseInt(digits);
        }
        if (relative != null) {
            return today.getYear() + switch (relative) {
                case "明年" -> 1;
                case "后年" -> 2;
                case "去年" -> -1;
                default -> 0;
            };
        }
        // No year said: the next one from today.
        List<LocalDate> next = compute(c -> rule.between(today, today.plusYears(1), c), new int[1]);
        return next.isEmpty() ? today.getYear() : next.get(0).getYear();
    }

    /**
     * The dates with the published holiday schedules; where a working-day rule reaches a year without
     * one, with the statutory estimate instead, and that year put in {@code estimatedYear[0]} so that the
     * answer says so. Beyond what can be estimated, {@link HolidayCalendar.MissingHolidayData} as before.
     */
    private List<LocalDate> compute(java.util.function.Function<CalendarContext, List<LocalDate>> dates,
                                    int[] estimatedYear) {
        try {
            return dates.apply(reminders.schedule().context());
        } catch (HolidayCalendar.MissingHolidayData e) {
            List<LocalDate> estimated = dates.apply(reminders.schedule().estimating().context());
            estimatedYear[0] = e.year();
            return estimated;
        }
    }

    /**
     * The note for an answer whose shown dates were computed with an estimate: only when one of them is
     * in a year without a published schedule (a range that merely reaches into it needs no note).
     */
    private String estimateNote(int[] estimatedYear, List<LocalDate> shown) {
        if (estimatedYear[0] == 0) {
            return "";
        }
        HolidayCalendar holidays = reminders.schedule().context().holidays();
        return shown.stream().map(LocalDate::getYear).filter(holidays::isEstimated).findFirst()
                .map(y -> messages.get("question.estimated", String.valueOf(y))).orElse("");
    }

    private Reply date(String name, DateRule rule, int year) {
        List<LocalDate> days;
        int[] estimated = new int[1];
        try {
            days = compute(c -> rule.inYear(year, c), estimated);
        } catch (HolidayCalendar.MissingHolidayData e) {
            return Reply.text(messages.get("question.noYear", String.valueOf(e.year())));
        }
        if (days.isEmpty()) {
            return Reply.text(messages.get("question.noYear", String.valueOf(year)));
        }
        LocalDate day = days.get(0);
        String lunar = "";
        if (rule instanceof DateRule.Lunar || rule instanceof DateRule.Offset) {
            var l = LunarCalendar.ofSolar(day);
            lunar = messages.get("question.lunar", (l.leap() ? "闰" : "") + LUNAR_MONTHS[l.month()] + lunarDay(l.day()));
        }
        StringBuilder out = new StringBuilder(messages.get("question.date", String.valueOf(year), name,
                dateNoYear(day), lunar));
        for (StoredSeries s : approved()) {
            PlanItem item = s.item();
            if (item.rule().equals(rule)) {
                out.append(messages.get("question.activity", item.title(), CalendarTexts.dateWithWeekday(day),
                        item.time().toString(), item.place() == null ? "" : "，" + item.place()));
            }
        }
        out.append(estimateNote(estimated, List.of(day)));
        return Reply.text(out.toString());
    }

    private static String dateNoYear(LocalDate d) {
        String full = CalendarTexts.dateWithWeekday(d);
        return full.substring(full.indexOf('年') + 1);
    }

    private static String lunarDay(int day) {
        String[] ones = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        if (day <= 10) {
            return "初" + ones[day];
        }
        if (day < 20) {
            return "十" + ones[day - 10];
        }
        if (day == 20) {
            return "二十";
        }
        if (day < 30) {
            return "廿" + ones[day - 20];
        }
        return "三十";
    }

    private Reply month(YearMonth month) {
        String label = month.getYear() + "年" + month.getMonthValue() + "月";
        List<String> lines = new ArrayList<>();
        List<LocalDate> shown = new ArrayList<>();
        int[] estimated = new int[1];
        for (StoredSeries s : approved()) {
            PlanItem item = s.item();
            try {
                for (LocalDate d : compute(c -> item.rule().between(month.atDay(1), month.atEndOfMonth(), c),
                        estimated)) {
                    shown.add(d);
                    lines.add(d + "\u0000" + messages.get("question.activityLine", CalendarTexts.dateWithWeekday(d),
                            item.title(), item.place() == null ? "" : "（" + item.place() + "）"));
                }
            } catch (HolidayCalendar.MissingHolidayData e) {
                lines.add("9999\u0000" + item.title() + "：" + messages.get("question.noYear", String.valueOf(e.year())));
            }
        }
        if (lines.isEmpty()) {
            return Reply.text(messages.get("question.noActivities", label));
        }
        lines.sort(null);
        StringBuilder out = new StringBuilder(messages.get("question.activities", label));
        for (String l : lines) {
            out.append('\n').append(l.substring(l.indexOf('\u0000') + 1));
        }
        out.append(estimateNote(estimated, shown));
        return Reply.text(out.toString());
    }

    private Reply where(PlanItem item) {
        LocalDate today = reminders.today();
        List<LocalDate> next;
        int[] estimated = new int[1];
        try {
            next = compute(c -> item.rule().between(today, today.plusYears(1), c), estimated);
        } catch (HolidayCalendar.MissingHolidayData e) {
            return Reply.text(messages.get("question.noYear", String.valueOf(e.year())));
        }
        String when = next.isEmpty() ? "—" : CalendarTexts.dateWithWeekday(next.get(0));
        String owner = item.owner() == null ? "" : messages.get("question.owner", item.owner());
        return Reply.text((item.place() == null
                ? messages.get("question.whereUnknown", item.title(), when, item.time().toString(), owner)
                : messages.get("question.where", item.title(), when, item.time().toString(), item.place(), owner))
                + estimateNote(estimated, next.isEmpty() ? List.of() : List.of(next.get(0))));
    }

    private Reply lead(Member member, String seriesWords, int days) {
        if (days < 1 || days > 60) {
            return Reply.text(messages.get("lead.tooFar"));
        }
        if (seriesWords.isEmpty()) {
            subscriptions.setPersonalLead(member.id(), SubscriptionRepository.ALL, days);
            return Reply.text(messages.get("lead.all", String.valueOf(days)));
        }
        Optional<StoredSeries> s = SeriesFinder.find(reminders.all(), seriesWords);
        if (s.isEmpty()) {
            return Reply.text(messages.get("series.unknown", seriesWords));
        }
        subscriptions.setPersonalLead(member.id(), s.get().key(), days);
        return Reply.text(messages.get("lead.done", s.get().title(), String.valueOf(days)));
    }
}
