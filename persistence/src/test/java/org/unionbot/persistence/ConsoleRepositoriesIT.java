package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.console.AuditLog;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;

/** Console accounts and the audit trail on the real database, and the audit's shared transaction. */
class ConsoleRepositoriesIT extends DatabaseIT {

    @Autowired
    ConsoleAccountRepository accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    MemberRepository members;

    @Autowired
    PlatformTransactionManager transactions;

    long member(String staffNo, String name) {
        return members.save(new MemberDraft(name, staffNo, Gender.FEMALE, null, null, null, null, null,
                Set.of(UnionRole.CHAIR), null)).memberId();
    }

    @Test
    void accountsAreUniquePerNameAndPerMember() {
        long zhang = member("T003", "张敏");
        long li = member("T002", "李强");
        var created = accounts.create("zhang", "$2a$10$hash", zhang, true).orElseThrow();
        assertThat(created.username()).isEqualTo("zhang");
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.createdAt()).isEqualTo(clock.instant());
        assertThat(accounts.create("zhang", "$2a$10$other", li, false)).isEmpty();
        assertThat(accounts.create("zhang2", "$2a$10$other", zhang, false)).isEmpty();
        assertThat(accounts.create("Zhang", "$2a$10$other", li, false)).as("names are case-sensitive").isPresent();
        assertThat(accounts.count()).isEqualTo(2);
        assertThat(accounts.findAll()).extracting(a -> a.username()).containsExactly("Zhang", "zhang");
    }

    @Test
    void passwordAndEnabledAreUpdated() {
        var a = accounts.create("li", "$2a$10$old", member("T002", "李强"), true).orElseThrow();
        accounts.updatePassword(a.id(), "$2a$10$new", false);
        accounts.setEnabled(a.id(), false);
        var after = accounts.findByUsername("li").orElseThrow();
        assertThat(after.passwordHash()).isEqualTo("$2a$10$new");
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(after.enabled()).isFalse();
    }

    @Test
    void theAuditTrailReadsNewestFirstAndKeepsCjk() {
        audit.record(new AuditEntry(Instant.parse("2026-03-08T01:00:00Z"), "zhang", "member.update", "T001", "小组→𠮷组"));
        audit.record(new AuditEntry(Instant.parse("2026-03-08T01:05:00Z"), "li", "binding.issue", "3 人", "T1,T2,T3"));
        assertThat(audit.recent(10)).extracting(AuditEntry::actor).containsExactly("li", "zhang");
        assertThat(audit.recent(10).get(1).detail()).isEqualTo("小组→𠮷组");
        assertThat(audit.recent(1)).hasSize(1);
    }

    @Test
    void aChangeAndItsAuditEntryRollBackTogether() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            member("T009", "回滚");
            audit.record(new AuditEntry(Instant.parse("2026-03-08T01:00:00Z"), "zhang", "member.update", "T009", ""));
            throw new IllegalStateException("the change failed after both writes");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(members.findByStaffNo("T009")).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
    }
}
