package org.unionbot.adapter.admin;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in console user: the account, its member and the role derived at login. */
public final class ConsoleUser extends User {
    private final long accountId;
    private final long memberId;
    private final String memberName;
    private final ConsoleRole role;
    private final boolean mustChangePassword;

    public ConsoleUser(long accountId, String username, String passwordHash, boolean enabled, long memberId,
            String memberName, ConsoleRole role, boolean mustChangePassword) {
        super(username, passwordHash, enabled, true, true, true,
                role.withLower().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.accountId = accountId;
        this.memberId = memberId;
        this.memberName = memberName;
        this.role = role;
        this.mustChangePassword = mustChangePassword;
    }

    public long accountId() {
        return accountId;
    }

    public long memberId() {
        return memberId;
    }

    public String memberName() {
        return memberName;
    }

    public ConsoleRole role() {
        return role;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    static List<String> authorities(ConsoleRole role) {
        return role.withLower().stream().map(ConsoleRole::authority).toList();
    }
}
