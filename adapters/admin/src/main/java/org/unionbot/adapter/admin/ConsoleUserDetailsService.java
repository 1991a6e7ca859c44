package org.unionbot.adapter.admin;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.unionbot.core.console.ConsoleAccount;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * Loads an account and derives its role from the member's current union roles. A member who no longer
 * holds a committee role (or left the union) is treated as unknown: the login fails like a wrong
 * password, which tells an outsider nothing.
 */
final class ConsoleUserDetailsService implements UserDetailsService {
    private final ConsoleAccountRepository accounts;
    private final MemberRepository members;

    ConsoleUserDetailsService(ConsoleAccountRepository accounts, MemberRepository members) {
        this.accounts = accounts;
        this.members = members;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no console account"));
        Member member = members.findById(account.memberId())
                .orElseThrow(() -> new UsernameNotFoundException("account's member is gone"));
        ConsoleRole role = ConsoleRole.of(member)
                .orElseThrow(() -> new UsernameNotFoundException("member holds no committee role"));
        boolean active = account.enabled() && member.status() == org.unionbot.core.member.MemberStatus.ACTIVE;
        return new ConsoleUser(account.id(), account.username(), account.passwordHash(), active, member.id(),
                member.name(), role, account.mustChangePassword());
    }
}
