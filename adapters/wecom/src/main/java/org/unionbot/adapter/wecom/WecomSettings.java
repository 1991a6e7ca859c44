package org.unionbot.adapter.wecom;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the WeCom adapter, bound from {@code unionbot.wecom.*} (environment:
 * {@code UNIONBOT_WECOM_ACCOUNTS_0_CORPID}, {@code ..._AGENTID}, {@code ..._SECRET}, {@code ..._TOKEN},
 * {@code ..._AESKEY}; {@code UNIONBOT_WECOM_GROUPROBOTS_0_NAME}, {@code ..._KEY}).
 *
 * @param accounts self-built apps (自建应用) that teachers talk to; WeCom callbacks are always encrypted,
 *     so the EncodingAESKey is required
 * @param groupRobots group robots (群机器人) used as announcement channels; the key is the credential
 * @param apiBaseUrl the WeCom API host; tests point it at WireMock on loopback
 * @param maxClockSkew callbacks with a {@code timestamp} further from our clock are refused; 0 = off
 * @param retryBackoff first pause before retrying a call the platform called busy (-1)
 * @param robotWindow the window of the robot limit (20 messages per minute per robot)
 * @param robotBackoff pause after a robot send failed (rate limit or any error) before it is tried again
 */
@ConfigurationProperties("unionbot.wecom")
public record WecomSettings(
        @DefaultValue List<Account> accounts,
        @DefaultValue List<GroupRobot> groupRobots,
        @DefaultValue("https://qyapi.weixin.qq.com") URI apiBaseUrl,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("60s") Duration robotWindow,
        @DefaultValue("60s") Duration robotBackoff) {

    /** WeCom's documented limit: 20 messages a minute per group robot. */
    public static final int ROBOT_MESSAGES_PER_WINDOW = 20;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

    @ConstructorBinding
    public WecomSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        groupRobots = groupRobots == null ? List.of() : List.copyOf(groupRobots);
        Objects.requireNonNull(apiBaseUrl, "unionbot.wecom.api-base-url");
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("unionbot.wecom.max-clock-skew must be 0 (off) or positive");
        }
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        robotWindow = robotWindow == null ? Duration.ofSeconds(60) : robotWindow;
        robotBackoff = robotBackoff == null ? Duration.ofSeconds(60) : robotBackoff;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            String at = "unionbot.wecom.accounts[" + i + "]";
            if (a == null || a.corpId() == null || a.corpId().isBlank() || a.agentId() == null) {
                throw new IllegalArgumentException(at + ".corp-id and .agent-id are required");
            }
            if (a.token() == null || !TOKEN.matcher(a.token()).matches()) {
                throw new IllegalArgumentException(at + ".token must be up to 32 letters and digits, as entered in the console");
            }
            if (a.aesKey() == null || !AES_KEY.matcher(a.aesKey()).matches()) {
                throw new IllegalArgumentException(at + ".aes-key must be the 43-character EncodingAESKey");
            }
            if (a.secret() == null || a.secret().isBlank()) {
                throw new IllegalArgumentException(at + ".secret (the app's Secret) is required for sending");
            }
            if (!seen.add(a.corpId() + "/" + a.agentId())) {
                throw new IllegalArgumentException(at + " is configured twice");
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < groupRobots.size(); i++) {
            GroupRobot r = groupRobots.get(i);
            String at = "unionbot.wecom.group-robots[" + i + "]";
            if (r == null || r.name() == null || r.name().isBlank() || r.key() == null || r.key().isBlank()) {
                throw new IllegalArgumentException(at + ".name and .key are required");
            }
            if (!names.add(r.name())) {
                throw new IllegalArgumentException(at + ".name is used twice");
            }
        }
    }

    public WecomSettings(List<Account> accounts, List<GroupRobot> groupRobots, URI apiBaseUrl) {
        this(accounts, groupRobots, apiBaseUrl, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(60));
    }

    public boolean enabled() {
        return !accounts.isEmpty() || !groupRobots.isEmpty();
    }

    public Optional<Account> account(String corpId, long agentId) {
        return accounts.stream().filter(a -> a.corpId().equals(corpId) && a.agentId() == agentId).findFirst();
    }

    /** One self-built app. */
    public record Account(String corpId, Long agentId, String secret, String token, String aesKey) {
        @Override
        public String toString() {
            return "Account[corpId=" + corpId + ", agentId=" + agentId + ", secret=***, token=***, aesKey=***]";
        }
    }

    /** A group robot; the webhook key is a credential and is never printed. */
    public record GroupRobot(String name, String key) {
        @Override
        public String toString() {
            return "GroupRobot[name=" + name + ", key=***]";
        }
    }
}
