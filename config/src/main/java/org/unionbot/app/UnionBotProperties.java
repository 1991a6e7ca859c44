package org.unionbot.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings ({@code unionbot.*}), from application.yml and the environment
 * ({@code UNIONBOT_DB_URL} becomes {@code unionbot.db.url}). Secrets are masked in {@code toString}.
 *
 * @param dataDir where the embedded database keeps its files
 * @param timeZone the school's time zone; dates and reminders are computed in it
 * @param demo load the demo school on the embedded database's first start; never on a real database
 */
@ConfigurationProperties("unionbot")
public record UnionBotProperties(
        @DefaultValue Db db,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("true") boolean demo,
        @DefaultValue Engine engine,
        @DefaultValue Binding binding,
        @DefaultValue Cache cache,
        @DefaultValue Roster roster,
        @DefaultValue Web web) {

    /** A real database when {@code url} is set; otherwise the embedded MariaDB under {@code dataDir}. */
    public record Db(String url, String username, String password, @DefaultValue("0") int embeddedPort) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[url=" + (embedded() ? "(embedded)" : url.replaceAll("password=[^&]*", "password=***"))
                    + ", username=" + username + ", password=" + (password == null ? "(none)" : "***") + "]";
        }
    }

    public record Engine(@DefaultValue("4s") Duration answerBudget, @DefaultValue("64") int workerThreads,
                         @DefaultValue("2000") int queueCapacity) {}

    /** @param file the school's roster (CSV or .xlsx), imported at every start; unset for none */
    public record Roster(String file) {}

    /** @param memberTtl how long another instance's roster change may take to show here */
    public record Cache(@DefaultValue("30s") Duration memberTtl) {}

    public record Binding(@DefaultValue("14d") Duration codeLifetime) {}

    /**
     * @param demoIdentities trust the {@code user} field of /api/chat; forced on only with the demo
     * @param linkSecret key of signed web links outside the demo
     */
    public record Web(Boolean demoIdentities, String linkSecret, @DefaultValue("2000") int maxTextLength) {
        @Override
        public String toString() {
            return "Web[demoIdentities=" + demoIdentities + ", linkSecret=" + (linkSecret == null ? "(none)" : "***")
                    + ", maxTextLength=" + maxTextLength + "]";
        }
    }

    /** The demo runs only on the embedded database: a configured real database never gets demo data. */
    public boolean demoActive() {
        return demo && db.embedded() && (roster.file() == null || roster.file().isBlank());
    }
}
