package org.unionbot.adapter.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.unionbot.core.console.ConsoleAccount;
import org.unionbot.core.console.ConsoleAccountRepository;

/** Console accounts in memory, with the database's two unique keys (user name, member). */
public final class InMemoryConsoleAccounts implements ConsoleAccountRepository {
    private final List<ConsoleAccount> accounts = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized Optional<ConsoleAccount> findByUsername(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    @Override
    public synchronized Optional<ConsoleAccount> findById(long id) {
        return accounts.stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public synchronized List<ConsoleAccount> findAll() {
        return accounts.stream().sorted(Comparator.comparing(ConsoleAccount::username)).toList();
    }

    @Override
    public synchronized long count() {
        return accounts.size();
    }

    @Override
    public synchronized Optional<ConsoleAccount> create(String username, String passwordHash, long memberId,
            boolean mustChangePassword) {
        if (accounts.stream().anyMatch(a -> a.username().equals(username) || a.memberId() == memberId)) {
            return Optional.empty();
        }
        ConsoleAccount account = new ConsoleAccount(ids.incrementAndGet(), username, passwordHash, memberId, true,
                mustChangePassword, Instant.now());
        accounts.add(account);
        return Optional.of(account);
    }

    @Override
    public synchronized void updatePassword(long id, String passwordHash, boolean mustChangePassword) {
        replace(id, a -> new ConsoleAccount(a.id(), a.username(), passwordHash, a.memberId(), a.enabled(),
                mustChangePassword, a.createdAt()));
    }

    @Override
    public synchronized void setEnabled(long id, boolean enabled) {
        replace(id, a -> new ConsoleAccount(a.id(), a.username(), a.passwordHash(), a.memberId(), enabled,
                a.mustChangePassword(), a.createdAt()));
    }

    private void replace(long id, java.util.function.UnaryOperator<ConsoleAccount> change) {
        accounts.replaceAll(a -> a.id() == id ? change.apply(a) : a);
    }
}
