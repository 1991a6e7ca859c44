package org.unionbot.adapter.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code unionbot.admin.*}. The first administrator comes from the environment at the first start:
 * {@code UNIONBOT_ADMIN_USERNAME}, {@code UNIONBOT_ADMIN_PASSWORD} and {@code UNIONBOT_ADMIN_STAFF_NO}
 * (the roster member the account belongs to, who must be 主席). There is no default password.
 *
 * @param sessionTimeout idle time after which a console login ends
 * @param maxLoginFailures failed logins allowed per user name and per address inside {@code throttleWindow}
 */
@ConfigurationProperties("unionbot.admin")
public record AdminSettings(
        String username,
        String password,
        String staffNo,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("15m") Duration throttleWindow) {

    /** Passwords given in the environment must be at least this long. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    public boolean bootstrapConfigured() {
        return notBlank(username) && notBlank(password) && notBlank(staffNo);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "AdminSettings[username=" + username + ", staffNo=" + staffNo + ", sessionTimeout=" + sessionTimeout + "]";
    }
}
