package org.unionbot.adapter.dingtalk;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the DingTalk adapter, bound from {@code unionbot.dingtalk.*}. With no app and no group robot
 * configured nothing DingTalk-related starts.
 *
 * @param apps enterprise-internal apps whose robot talks to teachers
 * @param groupRobots custom group robots (自定义机器人) the union posts notices through
 * @param apiBaseUrl the new OpenAPI host ({@code https://api.dingtalk.com}): token, robot sends, Stream gateway
 * @param oapiBaseUrl the old OpenAPI host ({@code https://oapi.dingtalk.com}): custom robots, work notices
 * @param maxClockSkew how far a signed callback's timestamp may be from now; {@code 0} turns the replay
 *     window of event subscriptions off (HTTP robot callbacks always keep DingTalk's one hour)
 * @param streamSilenceLimit a Stream connection that hears nothing (not even a ping) this long is
 *     considered broken and reopened
 * @param pollPageBaseUrl where a poll's web page lives, for the ActionCard fallback in groups
 * @param cards the interactive card template polls are sent as; without a template id, ActionCards
 */
@ConfigurationProperties("unionbot.dingtalk")
public record DingTalkSettings(
        @DefaultValue List<App> apps,
        @DefaultValue List<GroupRobot> groupRobots,
        @DefaultValue("https://api.dingtalk.com") URI apiBaseUrl,
        @DefaultValue("https://oapi.dingtalk.com") URI oapiBaseUrl,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("60s") Duration streamSilenceLimit,
        String pollPageBaseUrl,
        @DefaultValue Cards cards) {

    public DingTalkSettings {
        apps = List.copyOf(apps == null ? List.of() : apps);
        groupRobots = List.copyOf(groupRobots == null ? List.of() : groupRobots);
        apiBaseUrl = trimSlash(apiBaseUrl == null ? URI.create("https://api.dingtalk.com") : apiBaseUrl);
        oapiBaseUrl = trimSlash(oapiBaseUrl == null ? URI.create("https://oapi.dingtalk.com") : oapiBaseUrl);
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
        streamSilenceLimit = streamSilenceLimit == null ? Duration.ofSeconds(60) : streamSilenceLimit;
        cards = cards == null ? new Cards(null, null, null, null) : cards;
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("unionbot.dingtalk.max-clock-skew must not be negative");
        }
        long distinct = apps.stream().map(App::appKey).distinct().count();
        if (distinct != apps.size()) {
            throw new IllegalArgumentException("unionbot.dingtalk.apps has the same app-key twice");
        }
    }

    public static DingTalkSettings of(URI apiBase, List<App> apps, List<GroupRobot> robots) {
        return new DingTalkSettings(apps, robots, apiBase, apiBase, Duration.ofMinutes(5), Duration.ofSeconds(60),
                null, null);
    }

    /** True when anything DingTalk-related should start. */
    public boolean enabled() {
        return !apps.isEmpty() || !groupRobots.isEmpty();
    }

    public Optional<App> app(String appKey) {
        return apps.stream().filter(app -> app.appKey().equals(appKey)).findFirst();
    }

    private static URI trimSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** How a robot receives messages: a WebSocket it opens itself, or HTTPS callbacks to our public URL. */
    public enum Mode {
        STREAM,
        HTTP;

        static Mode parse(String value) {
            return value == null || value.isBlank() ? STREAM : valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One enterprise-internal app (企业内部应用) with its robot.
     *
     * @param appKey the AppKey / ClientId; also the receive id of app-level event subscriptions
     * @param appSecret the AppSecret / ClientSecret; signs HTTP robot callbacks. Masked in {@link #toString()}
     * @param robotCode the robot's code for OpenAPI sends (usually equal to the app key)
     * @param mode {@code stream} (default, no public URL needed) or {@code http}
     * @param eventToken the event subscription token, or null without event subscription
     * @param eventAesKey the 43-character event subscription key, or null
     * @param agentId the AgentId for work notices, or null to send none
     */
    public record App(String appKey, String appSecret, String robotCode, String mode, String eventToken,
                      String eventAesKey, Long agentId) {
        public App {
            Objects.requireNonNull(appKey, "unionbot.dingtalk.apps[].app-key");
            Objects.requireNonNull(appSecret, "unionbot.dingtalk.apps[].app-secret");
            robotCode = robotCode == null || robotCode.isBlank() ? appKey : robotCode;
            Mode.parse(mode);
        }

        /** An app without event subscription or work notices (a static factory: the binder needs one constructor). */
        public static App of(String appKey, String appSecret, String robotCode, Mode mode) {
            return new App(appKey, appSecret, robotCode, mode.name().toLowerCase(Locale.ROOT), null, null, null);
        }

        public Mode receiveMode() {
            return Mode.parse(mode);
        }

        public boolean subscribesEvents() {
            return eventToken != null && !eventToken.isBlank() && eventAesKey != null && !eventAesKey.isBlank();
        }

        @Override
        public String toString() {
            return "App[appKey=" + appKey + ", appSecret=******, robotCode=" + robotCode + ", mode=" + receiveMode()
                    + ", eventToken=" + (eventToken == null ? "(none)" : "******")
                    + ", eventAesKey=" + (eventAesKey == null ? "(none)" : "******") + ", agentId=" + agentId + "]";
        }
    }

    /**
     * A custom group robot (自定义机器人) with 加签 security.
     *
     * @param name how reminders and notices name this group
     * @param accessToken the {@code access_token} of its webhook URL. Masked in {@link #toString()}
     * @param secret the {@code SEC…} signing secret. Masked in {@link #toString()}
     */
    public record GroupRobot(String name, String accessToken, String secret) {
        public GroupRobot {
            Objects.requireNonNull(name, "unionbot.dingtalk.group-robots[].name");
            Objects.requireNonNull(accessToken, "unionbot.dingtalk.group-robots[].access-token");
        }

        @Override
        public String toString() {
            return "GroupRobot[name=" + name + ", accessToken=******, secret=" + (secret == null ? "(none)" : "******")
                    + "]";
        }
    }

    /**
     * Polls as interactive cards (互动卡片, platforms.md §3.6), {@code unionbot.dingtalk.cards.*}.
     *
     * @param templateId the card template built in DingTalk's card platform; blank: polls go out as ActionCards
     * @param callbackType {@code stream} (default: clicks arrive on the Stream connection) or {@code http}
     *     (clicks are POSTed to {@code /callback/dingtalk/card/{appKey}}, registered with {@code callbackRouteKey})
     * @param callbackRouteKey the route key the HTTP callback URL was registered under
     * @param apiSecret the secret the HTTP card callbacks are signed with. Masked in {@link #toString()}
     */
    public record Cards(String templateId, String callbackType, String callbackRouteKey, String apiSecret) {
        public boolean configured() {
            return templateId != null && !templateId.isBlank();
        }

        public boolean httpCallbacks() {
            return callbackType != null && "http".equalsIgnoreCase(callbackType.strip());
        }

        @Override
        public String toString() {
            return "Cards[templateId=" + templateId + ", callbackType=" + (httpCallbacks() ? "HTTP" : "STREAM")
                    + ", callbackRouteKey=" + callbackRouteKey + ", apiSecret="
                    + (apiSecret == null ? "(none)" : "******") + "]";
        }
    }
}
