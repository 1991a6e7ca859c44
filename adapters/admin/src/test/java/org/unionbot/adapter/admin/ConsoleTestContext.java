package org.unionbot.adapter.admin;

import java.time.Clock;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryDeliveryLog;
import org.unionbot.core.testing.InMemorySeriesRepository;
import org.unionbot.core.testing.InMemorySubscriptionRepository;
import org.unionbot.core.testing.RecordingChannel;
import org.unionbot.core.testing.RecordingTaskScheduler;
import org.unionbot.core.calendar.CalendarContext;
import org.unionbot.core.calendar.HolidayCalendar;
import org.unionbot.core.calendar.PlanSchedule;
import org.unionbot.core.calendar.QuietHours;
import org.unionbot.core.calendar.ReminderService;
import org.unionbot.core.calendar.TermCalendar;
import org.unionbot.core.message.Platform;
import org.unionbot.core.notify.Notifier;
import org.unionbot.core.notify.NotifierSettings;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.poll.InMemoryPollRepository;
import org.unionbot.core.poll.PollAnnouncer;
import org.unionbot.core.poll.PollChannelRepository;
import org.unionbot.core.poll.PollExport;
import org.unionbot.core.poll.PollService;

/**
 * The console over the core's in-memory ports: 张敏 (T003, 主席, account {@code zhang}), 李强 (T002, 委员,
 * {@code li}), 赵磊 (T004, 组长, {@code zhao}), 王芳 (T001, plain member, account {@code wang} that may
 * not log in). Every password is {@link #PASSWORD}. Polls and the plan run on the core's services over
 * in-memory repositories; the reminder channel is a {@link RecordingChannel} on the web platform (only
 * 王芳, 李强 and 张敏 have a web account, so 赵磊 is unreachable).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({AdminConsoleConfiguration.class, FeedbackKnowledgeChannelPorts.class})
public class ConsoleTestContext {
    public static final String PASSWORD = "correct-horse-42";

    @Bean
    ConversationHarness harness() {
        ConversationHarness h = ConversationHarness.create();
        h.addMember(new MemberDraft("王芳", "T001", Gender.FEMALE, null, null, null, "1234", "语文组",
                Set.of(UnionRole.MEMBER), Set.of("女职工")), "t001");
        h.addMember(new MemberDraft("李强", "T002", Gender.MALE, null, null, null, "5678", "数学组",
                Set.of(UnionRole.COMMITTEE), Set.of()), "t002");
        h.addMember(new MemberDraft("张敏", "T003", Gender.FEMALE, null, null, null, "9012", null,
                Set.of(UnionRole.CHAIR), Set.of()), "t003");
        h.addMember(new MemberDraft("赵磊", "T004", Gender.MALE, null, null, null, "3456", "语文组",
                Set.of(UnionRole.GROUP_LEADER), Set.of()), null);
        return h;
    }

    @Bean
    MemberRepository memberRepository(ConversationHarness h) {
        return h.members;
    }

    @Bean
    Clock clock(ConversationHarness h) {
        return h.clock;
    }

    @Bean
    RosterImporter rosterImporter(ConversationHarness h) {
        return new RosterImporter(h.members, h.messages);
    }

    @Bean
    BindingService bindingService(ConversationHarness h) {
        return h.binding;
    }

    @Bean
    RecordingTaskScheduler taskScheduler() {
        return new RecordingTaskScheduler();
    }

    @Bean
    InMemoryPollRepository pollRepository() {
        return new InMemoryPollRepository();
    }

    @Bean
    PollService pollService(ConversationHarness h, InMemoryPollRepository polls, RecordingTaskScheduler scheduler) {
        return new PollService(polls, h.members, scheduler, h.outbound, h.messages, h.clock);
    }

    @Bean
    PollExport pollExport(PollService service) {
        return new PollExport(service);
    }

    /** Remembers each poll's announcement groups in memory, like the table does. */
    @Bean
    PollChannelRepository pollChannels() {
        java.util.Map<Long, java.util.List<String>> byPoll = new java.util.concurrent.ConcurrentHashMap<>();
        return new PollChannelRepository() {
            @Override
            public void save(long pollId, java.util.List<String> channelNames) {
                byPoll.put(pollId, java.util.List.copyOf(channelNames));
            }

            @Override
            public java.util.List<String> channels(long pollId) {
                return byPoll.getOrDefault(pollId, java.util.List.of());
            }
        };
    }

    @Bean
    PollAnnouncer pollAnnouncer(ConversationHarness h, PollService service, PollChannelRepository channels) {
        return new PollAnnouncer(service, channels,
                new GroupChannels(java.util.Map.of("全体教职工群", GroupChannels.parse("web:全体教职工"))), h.outbound);
    }

    @Bean
    InMemoryDeliveryLog deliveryLog() {
        return new InMemoryDeliveryLog();
    }

    @Bean
    RecordingChannel webReminders() {
        return new RecordingChannel(Platform.WEB);
    }

    @Bean(destroyMethod = "close")
    Notifier notifier(ConversationHarness h, InMemoryDeliveryLog log, RecordingChannel web) {
        return new Notifier(h.members, log, java.util.List.of(web), new NotifierSettings(2, 1,
                java.time.Duration.ofMillis(1), java.util.Map.of(), java.time.Duration.ofMinutes(2)), h.clock);
    }

    @Bean
    InMemorySeriesRepository seriesRepository() {
        return new InMemorySeriesRepository();
    }

    @Bean
    ReminderService reminderService(ConversationHarness h, InMemorySeriesRepository series, Notifier notifier,
            InMemoryDeliveryLog log, RecordingTaskScheduler scheduler) {
        return new ReminderService(series, new InMemorySubscriptionRepository(), notifier, log, scheduler,
                new PlanSchedule(new CalendarContext(HolidayCalendar.bundled(), TermCalendar.empty()), QuietHours.DEFAULT),
                h.messages, h.clock, java.time.Duration.ofHours(6));
    }

    @Bean
    InMemoryAuditLog auditLog() {
        return new InMemoryAuditLog();
    }

    @Bean
    ConsoleAccountRepository consoleAccounts(MemberRepository members) {
        InMemoryConsoleAccounts accounts = new InMemoryConsoleAccounts();
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        accounts.create("zhang", hash, members.findByStaffNo("T003").orElseThrow().id(), false);
        accounts.create("li", hash, members.findByStaffNo("T002").orElseThrow().id(), false);
        accounts.create("zhao", hash, members.findByStaffNo("T004").orElseThrow().id(), false);
        accounts.create("wang", hash, members.findByStaffNo("T001").orElseThrow().id(), false);
        return accounts;
    }
}
