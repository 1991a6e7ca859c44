package org.unionbot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.web.WebChannelSender;
import org.unionbot.adapter.web.WebInbox;
import org.unionbot.adapter.web.WebInboxSeal;
import org.unionbot.adapter.web.calendar.CalendarWebConfiguration;
import org.unionbot.core.calendar.CalendarCommands;
import org.unionbot.core.calendar.CalendarContext;
import org.unionbot.core.calendar.CalendarQuestions;
import org.unionbot.core.calendar.HolidayCalendar;
import org.unionbot.core.calendar.PlanImport;
import org.unionbot.core.calendar.PlanReader;
import org.unionbot.core.calendar.PlanSchedule;
import org.unionbot.core.calendar.PlanSource;
import org.unionbot.core.calendar.QuietHours;
import org.unionbot.core.calendar.ReminderHorizon;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.TermCalendar;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.FallbackHandler;
import org.unionbot.core.knowledge.KnowledgeFallback;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.notify.ChannelSender;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.notify.NotifierSettings;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.persistence.board.WebGroupBoardPersistenceConfiguration;
import org.unionbot.persistence.board.WebGroupBoardStore;
import org.unionbot.persistence.calendar.CalendarPersistenceConfiguration;
import org.unionbot.persistence.calendar.MyBatisDeliveryLog;
import org.unionbot.persistence.calendar.MyBatisSeriesRepository;
import org.unionbot.persistence.calendar.MyBatisSubscriptionRepository;
import org.unionbot.persistence.inbox.WebInboxPersistenceConfiguration;
import org.unionbot.persistence.inbox.WebInboxStore;

/** The union calendar and reminders: the core's calendar, notifier and commands as beans. */
@Configuration(proxyBeanMethods = false)
@Import({CalendarPersistenceConfiguration.class, WebInboxPersistenceConfiguration.class,
        WebGroupBoardPersistenceConfiguration.class, CalendarWebConfiguration.class})
class CalendarConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    CalendarContext calendarContext(CalendarProperties properties) throws IOException {
        HolidayCalendar holidays = HolidayCalendar.bundled().withDirectory(properties.holidayDir());
        TermCalendar terms = properties.termsFile() != null && Files.isRegularFile(properties.termsFile())
                ? TermCalendar.fromYaml(Files.readString(properties.termsFile(), StandardCharsets.UTF_8))
                : TermCalendar.empty();
        LOG.info("holiday schedules loaded for {}; {} school term(s)", holidays.knownYears(), terms.terms().size());
        return new CalendarContext(holidays, terms);
    }

    /**
     * The web inbox in the database (replaces the adapter's in-memory one): reminders and deferred
     * answers survive a restart, and a reminder resent after a crash is shown once.
     */
    @Bean
    @Primary
    DurableWebInbox durableWebInbox(WebInboxStore store, UnionBotProperties properties, Clock clock) {
        return new DurableWebInbox(store, WebInboxSeal.of(properties.web().linkSecret()), clock);
    }

    /** The web group boards in the database (replace the adapter's in-memory ones): posts survive a restart. */
    @Bean
    @Primary
    DurableWebGroupBoard durableWebGroupBoard(WebGroupBoardStore store, Clock clock) {
        return new DurableWebGroupBoard(store, clock);
    }

    /** The web chat as a reminder channel: reminders wait in the member's web inbox, keyed per delivery. */
    @Bean
    ChannelSender webChannelSender(WebInbox inbox, Clock clock) {
        return new WebChannelSender(inbox, clock);
    }

    @Bean(destroyMethod = "close")
    Notifier notifier(MemberRepository members, MyBatisDeliveryLog deliveryLog, List<ChannelSender> channels,
                      CalendarProperties p, Clock clock) {
        NotifierSettings defaults = NotifierSettings.defaults();
        return new Notifier(members, deliveryLog, channels, new NotifierSettings(p.concurrency(), p.maxAttempts(),
                p.firstBackoff(), p.ratePerSecond() == null ? defaults.ratePerSecond() : p.ratePerSecond(),
                p.claimLease()), clock);
    }

    @Bean
    ReminderService reminderService(MyBatisSeriesRepository series, MyBatisSubscriptionRepository subscriptions,
                                    Notifier notifier, MyBatisDeliveryLog deliveryLog, TaskScheduler scheduler,
                                    CalendarContext context, Messages messages, Clock clock, CalendarProperties p) {
        return new ReminderService(series, subscriptions, notifier, deliveryLog, scheduler,
                new PlanSchedule(context, new QuietHours(p.quietStart(), p.quietEnd())), messages, clock,
                p.maxLateness());
    }

    @Bean
    ReminderHorizon reminderHorizon(ReminderService reminders, Notifier notifier) {
        return new ReminderHorizon(reminders, notifier);
    }

    @Bean
    Command approveRemindersCommand(ReminderService r, Messages m) {
        return CalendarCommands.approve(r, m);
    }

    @Bean
    Command previewPlanCommand(ReminderService r, Messages m) {
        return CalendarCommands.preview(r, m);
    }

    @Bean
    Command deliveryReportCommand(ReminderService r, Messages m) {
        return CalendarCommands.report(r, m);
    }

    /** The configured plan file, read when 导入计划 is sent without text (re-read at every call). */
    @Bean
    PlanSource planFileSource(CalendarProperties p) {
        return () -> p.planFile() != null && Files.isRegularFile(p.planFile())
                ? java.util.Optional.of(readPlan(p.planFile())) : java.util.Optional.empty();
    }

    static PlanImport readPlan(java.nio.file.Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            try (InputStream in = Files.newInputStream(file)) {
                return PlanReader.excel(in);
            }
        }
        return PlanReader.yaml(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Bean
    Command loadPlanCommand(ReminderService r, PlanSource planFile, Messages m) {
        return CalendarCommands.loadPlan(r, planFile, m);
    }

    @Bean
    Command pauseRemindersCommand(ReminderService r, Messages m) {
        return CalendarCommands.pause(r, m);
    }

    @Bean
    Command subscribeCommand(ReminderService r, MyBatisSubscriptionRepository s, Messages m) {
        return CalendarCommands.subscribe(r, s, m);
    }

    @Bean
    Command unsubscribeCommand(ReminderService r, MyBatisSubscriptionRepository s, Messages m) {
        return CalendarCommands.unsubscribe(r, s, m);
    }

    /**
     * The engine's fallback chain: calendar questions ("中秋节是哪天") are answered from the computed plan,
     * everything else goes on to the knowledge base, which answers, offers choices or hands off.
     */
    @Bean
    @Primary
    FallbackHandler calendarQuestions(ReminderService reminders, MyBatisSubscriptionRepository subscriptions,
                                      Messages messages, KnowledgeFallback knowledge) {
        return new CalendarQuestions(reminders, subscriptions, messages, knowledge);
    }

    /**
     * At start-up: import the configured plan (new or changed items wait for approval), schedule the
     * daily round, and resume deliveries a crash left claimed.
     */
    @Bean
    ApplicationRunner calendarStartup(ReminderService reminders, Notifier notifier, TaskScheduler scheduler,
                                      CalendarProperties p, Clock clock) {
        return args -> {
            if (p.planFile() != null && Files.isRegularFile(p.planFile())) {
                String name = p.planFile().getFileName().toString();
                PlanImport plan = readPlan(p.planFile());
                reminders.importPlan(plan);
                LOG.info("plan {}: {} item(s) loaded, {} row error(s)", name, plan.items().size(), plan.errors().size());
                plan.errors().forEach(e -> LOG.warn("plan row {} ({}): {}", e.row(), e.field(), e.message()));
            }
            if (!scheduler.isScheduled(ReminderHorizon.KEY)) {
                // Daily at 08:00 school time: personal reminders arrive in the morning.
                var now = java.time.ZonedDateTime.now(clock);
                var first = now.toLocalDate().atTime(8, 0).atZone(clock.getZone());
                if (!first.isAfter(now)) {
                    first = first.plusDays(1);
                }
                scheduler.scheduleRepeating(ReminderHorizon.KEY, first.toInstant(), Duration.ofDays(1));
            }
            notifier.resume();
        };
    }
}
