package org.unionbot.adapter.admin;

import java.lang.System.Logger.Level;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unionbot.core.console.ConsoleAccountRepository;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * Creates the first console account when there is none, once the application (and the roster import
 * or demo school, which run during start-up) is ready:
 * <ul>
 *   <li>from {@code UNIONBOT_ADMIN_USERNAME} / {@code _PASSWORD} / {@code _STAFF_NO}: the member with that
 *       staff number must exist and be 主席;
 *   <li>else in demo mode: an account {@code chair} for the demo chair with a random password, written
 *       once to the log and to be changed at the first login;
 *   <li>else nothing, and a log line saying how to create one. There is never a default password.
 * </ul>
 * With accounts present it does nothing, so the environment variables can stay set (or be removed).
 */
final class FirstAdministrator implements ApplicationListener<ApplicationReadyEvent> {
    private static final System.Logger LOG = System.getLogger(FirstAdministrator.class.getName());
    static final String DEMO_USERNAME = "chair";

    private final AdminSettings settings;
    private final ConsoleAccountRepository accounts;
    private final MemberRepository members;
    private final PasswordEncoder encoder;
    private final DemoChair demoChair;
    private final ConsoleAudit audit;

    FirstAdministrator(AdminSettings settings, ConsoleAccountRepository accounts, MemberRepository members,
            PasswordEncoder encoder, DemoChair demoChair, ConsoleAudit audit) {
        this.settings = settings;
        this.accounts = accounts;
        this.members = members;
        this.encoder = encoder;
        this.demoChair = demoChair;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ensure();
    }

    /** @return what happened, for tests and the log */
    Outcome ensure() {
        if (accounts.count() > 0) {
            return Outcome.ACCOUNTS_EXIST;
        }
        if (settings.bootstrapConfigured()) {
            return fromEnvironment();
        }
        if (demoChair != null) {
            return forDemo();
        }
        LOG.log(Level.WARNING, "console: no account yet. Set UNIONBOT_ADMIN_USERNAME, UNIONBOT_ADMIN_PASSWORD"
                + " and UNIONBOT_ADMIN_STAFF_NO (the chair's staff number) and restart to create the first one.");
        return Outcome.NOT_CONFIGURED;
    }

    private Outcome fromEnvironment() {
        if (settings.password().length() < AdminSettings.MIN_PASSWORD_LENGTH) {
            LOG.log(Level.ERROR, "console: UNIONBOT_ADMIN_PASSWORD is shorter than {0} characters; no account created",
                    AdminSettings.MIN_PASSWORD_LENGTH);
            return Outcome.REFUSED;
        }
        Optional<Member> member = members.findByStaffNo(settings.staffNo().strip());
        if (member.isEmpty()) {
            LOG.log(Level.ERROR, "console: no member with staff number {0} (UNIONBOT_ADMIN_STAFF_NO); import the roster"
                    + " first (unionbot.roster.file), then restart", settings.staffNo());
            return Outcome.REFUSED;
        }
        if (ConsoleRole.of(member.get()).orElse(null) != ConsoleRole.CHAIR) {
            LOG.log(Level.ERROR, "console: member {0} is not 主席 in the roster; the first account must be the chair's",
                    settings.staffNo());
            return Outcome.REFUSED;
        }
        create(settings.username().strip(), settings.password(), member.get(), false);
        LOG.log(Level.INFO, "console: first administrator {0} created from the environment; log in at /admin",
                settings.username().strip());
        return Outcome.CREATED;
    }

    private Outcome forDemo() {
        Optional<Member> chair = members.findByStaffNo(demoChair.staffNo());
        if (chair.isEmpty()) {
            return Outcome.REFUSED;
        }
        String password = Passwords.generate();
        create(DEMO_USERNAME, password, chair.get(), true);
        // The one place this password exists in clear: the holder changes it at the first login.
        LOG.log(Level.WARNING, "console (demo): log in at http://localhost:8080/admin as \"{0}\" with the one-time"
                + " password {1} (you will be asked to change it)", DEMO_USERNAME, password);
        return Outcome.CREATED;
    }

    private void create(String username, String password, Member member, boolean mustChange) {
        audit.change("account.create", username, ConsoleTexts.get("accounts.first.audit", member.staffNo()),
                () -> accounts.create(username, encoder.encode(password), member.id(), mustChange));
    }

    enum Outcome {
        ACCOUNTS_EXIST,
        CREATED,
        REFUSED,
        NOT_CONFIGURED
    }
}
