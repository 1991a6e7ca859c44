package org.unionbot.adapter.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.unionbot.core.console.ConsoleAccountRepository;

/**
 * Keeps the holder of a generated (one-time) password on the password page until they set their own:
 * the flag is read from the account on each console request (one indexed lookup), so it lifts as soon as
 * the password is changed, without a new login.
 */
final class PasswordChangeGate implements HandlerInterceptor {
    private final ConsoleAccountRepository accounts;

    PasswordChangeGate(ConsoleAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ConsoleUser user) || !user.mustChangePassword()) {
            return true;
        }
        boolean stillMust = accounts.findById(user.accountId()).map(a -> a.mustChangePassword()).orElse(false);
        if (stillMust) {
            response.sendRedirect(request.getContextPath() + PasswordController.PATH + "?first");
            return false;
        }
        return true;
    }
}
