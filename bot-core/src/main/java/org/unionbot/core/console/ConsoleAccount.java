package org.unionbot.core.console;

import java.time.Instant;
import java.util.Objects;

/**
 * A login to the committee's web console. It belongs to a member: what the account may do follows the
 * member's union roles at each login, so taking a role away in the roster takes the access away too.
 *
 * @param passwordHash a BCrypt hash; the password itself is never stored
 * @param mustChangePassword set for generated passwords (demo start, reset by the chair): the holder
 *     is sent to change it before anything else
 */
public record ConsoleAccount(long id, String username, String passwordHash, long memberId, boolean enabled,
        boolean mustChangePassword, Instant createdAt) {

    public ConsoleAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        // The hash stays out of logs.
        return "ConsoleAccount[id=" + id + ", username=" + username + ", memberId=" + memberId + "]";
    }
}
