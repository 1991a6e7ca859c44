package org.unionbot.adapter.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionbot.core.console.ConsoleAccountRepository;

/** Any console user changes their own password here (and must, after a generated one). */
@Controller
public class PasswordController {
    public static final String PATH = "/admin/password";

    private final ConsoleAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ConsoleAudit audit;

    public PasswordController(ConsoleAccountRepository accounts, PasswordEncoder encoder, ConsoleAudit audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping(PATH)
    public String form() {
        return "admin/password";
    }

    @PostMapping(PATH)
    public String change(@AuthenticationPrincipal ConsoleUser user, @RequestParam String current,
            @RequestParam String password, @RequestParam String repeat, Model model) {
        var account = accounts.findById(user.accountId()).orElseThrow();
        if (!encoder.matches(current, account.passwordHash())) {
            model.addAttribute("error", ConsoleTexts.get("password.currentWrong"));
        } else if (password.length() < AdminSettings.MIN_PASSWORD_LENGTH) {
            model.addAttribute("error", ConsoleTexts.get("password.tooShort", AdminSettings.MIN_PASSWORD_LENGTH));
        } else if (!password.equals(repeat)) {
            model.addAttribute("error", ConsoleTexts.get("password.mismatch"));
        } else if (password.equals(current)) {
            model.addAttribute("error", ConsoleTexts.get("password.same"));
        } else {
            audit.change("account.password", user.getUsername(), ConsoleTexts.get("password.change.audit"),
                    () -> accounts.updatePassword(user.accountId(), encoder.encode(password), false));
            model.addAttribute("done", true);
        }
        return "admin/password";
    }
}
