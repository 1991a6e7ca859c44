package org.unionbot.adapter.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionbot.core.console.ConsoleAccount;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * The chair's account management: create an account for a committee member (by staff number), reset a
 * password, turn an account off or on. Generated passwords are shown once on the result page and must
 * be changed at the first login.
 */
@Controller
public class AccountController {
    public static final String PATH = "/admin/accounts";
    private static final String USERNAME = "[A-Za-z0-9._-]{2,32}";

    private final ConsoleAccountRepository accounts;
    private final MemberRepository members;
    private final PasswordEncoder encoder;
    private final ConsoleAudit audit;

    public AccountController(ConsoleAccountRepository accounts, MemberRepository members, PasswordEncoder encoder,
            ConsoleAudit audit) {
        this.accounts = accounts;
        this.members = members;
        this.encoder = encoder;
        this.audit = audit;
    }

    public record Row(ConsoleAccount account, String memberName, String staffNo, String role) {}

    @GetMapping(PATH)
    public String list(Model model) {
        List<Row> rows = accounts.findAll().stream().map(a -> {
            Optional<Member> m = members.findById(a.memberId());
            return new Row(a, m.map(Member::name).orElse(ConsoleTexts.get("accounts.memberDeleted")),
                    m.map(Member::staffNo).orElse(""),
                    m.flatMap(ConsoleRole::of).map(ConsoleRole::label).orElse(ConsoleTexts.get("accounts.noRole")));
        }).toList();
        model.addAttribute("rows", rows);
        return "admin/accounts";
    }

    @PostMapping(PATH)
    public String create(@RequestParam String username, @RequestParam String staffNo, Model model) {
        String name = username.strip();
        if (!name.matches(USERNAME)) {
            return problem(model, ConsoleTexts.get("accounts.usernameInvalid"));
        }
        Optional<Member> member = members.findByStaffNo(staffNo.strip());
        if (member.isEmpty()) {
            return problem(model, ConsoleTexts.get("accounts.noSuchStaffNo", staffNo.strip()));
        }
        if (ConsoleRole.of(member.get()).isEmpty()) {
            return problem(model, ConsoleTexts.get("accounts.notEligible", member.get().name()));
        }
        String password = Passwords.generate();
        Optional<ConsoleAccount> created = audit.change("account.create", name,
                ConsoleTexts.get("accounts.create.audit", member.get().staffNo()),
                () -> accounts.create(name, encoder.encode(password), member.get().id(), true));
        if (created.isEmpty()) {
            return problem(model, ConsoleTexts.get("accounts.taken"));
        }
        model.addAttribute("username", name);
        model.addAttribute("password", password);
        return "admin/account-password";
    }

    @PostMapping(PATH + "/{id}/reset")
    public String reset(@PathVariable long id, Model model) {
        Optional<ConsoleAccount> account = accounts.findById(id);
        if (account.isEmpty()) {
            return problem(model, ConsoleTexts.get("accounts.notFound"));
        }
        String password = Passwords.generate();
        audit.change("account.reset", account.get().username(), ConsoleTexts.get("accounts.reset.audit"),
                () -> accounts.updatePassword(id, encoder.encode(password), true));
        model.addAttribute("username", account.get().username());
        model.addAttribute("password", password);
        return "admin/account-password";
    }

    @PostMapping(PATH + "/{id}/enabled")
    public String enable(@PathVariable long id, @RequestParam boolean enabled, Model model) {
        Optional<ConsoleAccount> account = accounts.findById(id);
        if (account.isEmpty()) {
            return problem(model, ConsoleTexts.get("accounts.notFound"));
        }
        audit.change(enabled ? "account.enable" : "account.disable", account.get().username(),
                ConsoleTexts.get(enabled ? "accounts.enable.audit" : "accounts.disable.audit"),
                () -> accounts.setEnabled(id, enabled));
        return "redirect:" + PATH;
    }

    private String problem(Model model, String message) {
        model.addAttribute("error", message);
        return list(model);
    }

    static Map<Long, ConsoleAccount> byMember(List<ConsoleAccount> all) {
        return all.stream().collect(Collectors.toMap(ConsoleAccount::memberId, Function.identity()));
    }
}
