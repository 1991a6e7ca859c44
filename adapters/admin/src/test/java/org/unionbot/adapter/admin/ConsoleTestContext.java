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

/**
 * The console over the core's in-memory ports: 张敏 (T003, 主席, account {@code zhang}), 李强 (T002, 委员,
 * {@code li}), 赵磊 (T004, 组长, {@code zhao}), 王芳 (T001, plain member, account {@code wang} that may
 * not log in). Every password is {@link #PASSWORD}.
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
