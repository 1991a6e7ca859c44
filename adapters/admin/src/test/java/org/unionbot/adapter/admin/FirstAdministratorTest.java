package org.unionbot.adapter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.unionbot.adapter.admin.FirstAdministrator.Outcome;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.testing.InMemoryMemberRepository;

/** The first account: from the environment (the chair only), in the demo, or not at all. */
class FirstAdministratorTest {
    final InMemoryMemberRepository members = new InMemoryMemberRepository();
    final InMemoryConsoleAccounts accounts = new InMemoryConsoleAccounts();
    final InMemoryAuditLog log = new InMemoryAuditLog();
    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    final ConsoleAudit audit = new ConsoleAudit(log, null, java.time.Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    FirstAdministratorTest() {
        members.save(new MemberDraft("许静", "X1", Gender.FEMALE, null, null, null, null, null, Set.of(UnionRole.CHAIR), null));
        members.save(new MemberDraft("韩磊", "X2", Gender.MALE, null, null, null, null, null, Set.of(UnionRole.COMMITTEE), null));
    }

    FirstAdministrator with(String user, String password, String staffNo, DemoChair demo) {
        return new FirstAdministrator(new AdminSettings(user, password, staffNo, Duration.ofMinutes(30), 5,
                Duration.ofMinutes(15)), accounts, members, encoder, demo, audit);
    }

    @Test
    void theEnvironmentCreatesTheChairsAccountOnce() {
        assertThat(with("xujing", "a-long-secret", "X1", null).ensure()).isEqualTo(Outcome.CREATED);
        var account = accounts.findByUsername("xujing").orElseThrow();
        assertThat(encoder.matches("a-long-secret", account.passwordHash())).isTrue();
        assertThat(account.mustChangePassword()).isFalse();
        assertThat(log.all()).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("account.create"));
        assertThat(with("other", "another-secret", "X1", null).ensure()).isEqualTo(Outcome.ACCOUNTS_EXIST);
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void aShortPasswordAnUnknownStaffNumberOrANonChairCreateNothing() {
        assertThat(with("xujing", "short", "X1", null).ensure()).isEqualTo(Outcome.REFUSED);
        assertThat(with("xujing", "a-long-secret", "X404", null).ensure()).isEqualTo(Outcome.REFUSED);
        assertThat(with("hanlei", "a-long-secret", "X2", null).ensure()).isEqualTo(Outcome.REFUSED);
        assertThat(accounts.count()).isZero();
    }

    @Test
    void withoutEnvironmentOrDemoThereIsNoAccountAndNoDefaultPassword() {
        assertThat(with(null, null, null, null).ensure()).isEqualTo(Outcome.NOT_CONFIGURED);
        assertThat(accounts.count()).isZero();
    }

    @Test
    void theDemoGetsARandomOneTimePasswordForItsChair() {
        assertThat(with(null, null, null, new DemoChair("X1")).ensure()).isEqualTo(Outcome.CREATED);
        var first = accounts.findByUsername("chair").orElseThrow();
        assertThat(first.mustChangePassword()).isTrue();
        InMemoryConsoleAccounts otherRun = new InMemoryConsoleAccounts();
        new FirstAdministrator(new AdminSettings(null, null, null, Duration.ofMinutes(30), 5, Duration.ofMinutes(15)),
                otherRun, members, encoder, new DemoChair("X1"), audit).ensure();
        // Two runs, two different passwords: no hash matches a fixed value.
        assertThat(otherRun.findByUsername("chair").orElseThrow().passwordHash()).isNotEqualTo(first.passwordHash());
    }
}
