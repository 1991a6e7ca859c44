package org.unionbot.adapter.wechat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Official Account adapter, bound from {@code unionbot.wechat-mp.*} (environment:
 * {@code UNIONBOT_WECHATMP_ACCOUNTS_0_APPID}, {@code ..._SECRET}, {@code ..._TOKEN}, {@code ..._AESKEY}).
 *
 * @param accounts the union's Official Accounts; with none, the adapter is not started at all
 * @param apiBaseUrl the WeChat API host; tests point it at WireMock on loopback
 * @param maxClockSkew callbacks whose {@code timestamp} is further from our clock are refused as replays;
 *     {@code 0} turns the check off (a server whose clock cannot be trusted)
 * @param retryBackoff first pause before retrying an API call the platform called busy (errcode -1);
 *     doubled on the second retry
 */
@ConfigurationProperties("unionbot.wechat-mp")
public record WechatMpSettings(
        @DefaultValue List<Account> accounts,
        @DefaultValue("https://api.weixin.qq.com") URI apiBaseUrl,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("1s") Duration retryBackoff) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

    @ConstructorBinding
    public WechatMpSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        Objects.requireNonNull(apiBaseUrl, "unionbot.wechat-mp.api-base-url");
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("unionbot.wechat-mp.max-clock-skew must be 0 (off) or positive");
        }
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        Map<String, Account> seen = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String at = "unionbot.wechat-mp.accounts[" + i + "]";
            if (account == null || account.appId() == null || account.appId().isBlank()) {
                throw new IllegalArgumentException(at + ".app-id is required");
            }
            if (account.token() == null || !TOKEN.matcher(account.token()).matches()) {
                // The rule, never the value.
                throw new IllegalArgumentException(at + ".token must be 3-32 letters and digits, as entered in the console");
            }
            if (account.aesKey() != null && !AES_KEY.matcher(account.aesKey()).matches()) {
                throw new IllegalArgumentException(at + ".aes-key must be the 43-character EncodingAESKey");
            }
            if (account.secret() == null || account.secret().isBlank()) {
                throw new IllegalArgumentException(at + ".secret (AppSecret) is required for sending");
            }
            if (seen.put(account.appId(), account) != null) {
                throw new IllegalArgumentException(at + ".app-id is configured twice");
            }
        }
    }

    public WechatMpSettings(List<Account> accounts, URI apiBaseUrl) {
        this(accounts, apiBaseUrl, Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    public boolean enabled() {
        return !accounts.isEmpty();
    }

    public Optional<Account> account(String appId) {
        return accounts.stream().filter(a -> a.appId().equals(appId)).findFirst();
    }

    /**
     * One Official Account.
     *
     * @param aesKey the EncodingAESKey for safe (aes) mode; null or blank for plain mode only
     * @param templates template messages by purpose ({@code notice} is used for answers and reminders
     *     outside the 48-hour customer-service window)
     */
    public record Account(String appId, String secret, String token, String aesKey,
                          Map<String, Template> templates) {
        @ConstructorBinding
        public Account {
            aesKey = aesKey == null || aesKey.isBlank() ? null : aesKey;
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }

        public Account(String appId, String secret, String token, String aesKey) {
            this(appId, secret, token, aesKey, Map.of());
        }

        @Override
        public String toString() {
            return "Account[appId=" + appId + ", secret=***, token=***, aesKey=" + (aesKey == null ? "(none)" : "***")
                    + ", templates=" + templates.keySet() + "]";
        }
    }

    /**
     * A template message registered in the account's console.
     *
     * @param id the template id
     * @param textField the template's data field that carries the text (e.g. {@code thing1}); default
     *     {@code content}
     */
    public record Template(String id, @DefaultValue("content") String textField) {
        public Template {
            Objects.requireNonNull(id, "template id");
            textField = textField == null || textField.isBlank() ? "content" : textField;
        }
    }
}
