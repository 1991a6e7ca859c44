package org.unionbot.core.console;

import java.util.List;
import java.util.Optional;

/** The console's accounts; implemented over the database by the persistence module. */
public interface ConsoleAccountRepository {

    Optional<ConsoleAccount> findByUsername(String username);

    Optional<ConsoleAccount> findById(long id);

    /** Every account, ordered by user name. */
    List<ConsoleAccount> findAll();

    long count();

    /**
     * Creates an account.
     *
     * @return the new account, or empty when the user name or the member already has one
     */
    Optional<ConsoleAccount> create(String username, String passwordHash, long memberId, boolean mustChangePassword);

    void updatePassword(long accountId, String passwordHash, boolean mustChangePassword);

    void setEnabled(long accountId, boolean enabled);
}
