package org.unionbot.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.unionbot.core.calendar.CalendarCommands;
import org.unionbot.core.calendar.CalendarContext;
import org.unionbot.core.calendar.CalendarQuestions;
import org.unionbot.core.calendar.HolidayCalendar;
import org.unionbot.core.calendar.PlanImport;
import org.unionbot.core.calendar.PlanReader;
import org.unionbot.core.calendar.PlanSchedule;
import org.unionbot.core.calendar.QuietHours;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.TermCalendar;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.GuidingFallback;
import org.unionbot.core.message.Platform;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.notify.NotifierSettings;

/**
 * The calendar wired over in-memory ports and the small school of {@link Roster}, on the harness's fixed
 * clock (2026-09-01 09:00 in Shanghai).
 */
public final class CalendarFixture implements AutoCloseable {
    public static final String PLAN = """
            plan: 2026-2027学年第一学期
            items:
              - key: teachers-day
                title: 教师节慰问
                date: 教师节
                time: "09:00"
                audience: 全体会员
                owner: 张建华
                lead: [7]
                place: 学校礼堂
              - key: double-ninth
                title: 重阳节退休教师活动
                date: 重阳节
                time: "14:30"
                audience: 退休教师
                owner: 李明
                lead: [3]
                follow_up: 1
                place: 老年活动中心
              - key: mid-autumn-gifts
                title: 中秋慰问品发放
                date: 中秋前3个工作日
                audience: 全体会员
                lead: [2]
              - key: committee-night
                title: 委员会议
                date: 9月15日
                time: "22:30"
                audience: 委员
              - key: outage-drill
                title: 停电紧急通知
                date: 9月16日
                time: "23:00"
                audience: 全体会员
                urgent: true
            """;

    public final ConversationHarness harness = ConversationHarness.create();
    public final InMemorySeriesRepository series = new InMemorySeriesRepository();
    public final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
    public final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    public final RecordingTaskScheduler scheduler = new RecordingTaskScheduler();
    public final RecordingChannel web = new RecordingChannel(Platform.WEB);
    public final CalendarContext context = new CalendarContext(HolidayCalendar.bundled(), TermCalendar.empty());
    public final Notifier notifier;
    /** What 导入计划 without text reads, as if from the configured plan file; null: no file configured. */
    public volatile PlanImport planFile;
    public final ReminderService reminders;

    public CalendarFixture() {
        notifier = new Notifier(harness.members, log, List.of(web),
                new NotifierSettings(4, 3, Duration.ofMillis(1), Map.of(), Duration.ofMinutes(2)), harness.clock);
        reminders = new ReminderService(series, subscriptions, notifier, log, scheduler,
                new PlanSchedule(context, QuietHours.DEFAULT), harness.messages, harness.clock, Duration.ofHours(6));
        harness.withCommands(CalendarCommands.all(reminders, subscriptions, harness.messages).toArray(Command[]::new))
                .withCommands(CalendarCommands.management(reminders, () -> java.util.Optional.ofNullable(planFile),
                        harness.messages).toArray(Command[]::new))
                .withFallback(new CalendarQuestions(reminders, subscriptions, harness.messages,
                        new GuidingFallback(harness.members, harness.messages)));
        Roster.smallSchool(harness);
    }

    /** Loads {@link #PLAN}; every series is pending. */
    public CalendarFixture withPlan() {
        reminders.importPlan(PlanReader.yaml(PLAN));
        return this;
    }

    @Override
    public void close() {
        notifier.close();
        harness.close();
    }
}
