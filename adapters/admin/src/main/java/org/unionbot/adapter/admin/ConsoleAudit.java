package org.unionbot.adapter.admin;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.console.AuditEntry;
import org.unionbot.core.console.AuditLog;

/**
 * How a console page makes a change: {@code audit.change("member.update", "T001", "姓名、小组", () -> …)}
 * runs the work and writes the audit entry (actor = the logged-in user, time = now) in one database
 * transaction, so there is no change without its entry and no entry for a change that rolled back.
 * Without a transaction manager (unit tests over in-memory ports) the two simply run in order.
 */
public final class ConsoleAudit {
    private final AuditLog log;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ConsoleAudit(AuditLog log, PlatformTransactionManager transactionManager, Clock clock) {
        this.log = log;
        this.transactions = transactionManager == null ? null : new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public <T> T change(String action, String target, String detail, Supplier<T> work) {
        return change(action, target, result -> detail, work);
    }

    /** As above, when the summary depends on the result (an import's counts). */
    public <T> T change(String action, String target, Function<T, String> detail, Supplier<T> work) {
        String actor = currentActor();
        Supplier<T> both = () -> {
            T result = work.get();
            log.record(new AuditEntry(clock.instant(), actor, action, target, detail.apply(result)));
            return result;
        };
        return transactions == null ? both.get() : transactions.execute(status -> both.get());
    }

    public void change(String action, String target, String detail, Runnable work) {
        change(action, target, detail, () -> {
            work.run();
            return null;
        });
    }

    /** An event with no data change of its own (a login, a download). */
    public void record(String actor, String action, String target, String detail) {
        log.record(new AuditEntry(clock.instant(), actor, action, target, detail));
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
