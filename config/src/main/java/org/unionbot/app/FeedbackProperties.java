package org.unionbot.app;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of suggestions, proposals and care cases ({@code unionbot.feedback.*}). The school's own
 * rules (care standards, who handles which case, where the public digest goes) have no defaults: what
 * is not configured is shown as not set, never invented.
 *
 * @param rateSecret key of the daily-rotating HMAC behind the submission limit (at least 16 characters);
 *     unset: a random key per start, which is fine for one instance but lets a restart reset the limit
 * @param dailyLimit submissions one member may make per day
 */
@ConfigurationProperties("unionbot.feedback")
public record FeedbackProperties(String rateSecret, @DefaultValue("5") int dailyLimit, @DefaultValue Digest digest,
                                 @DefaultValue Care care) {

    /**
     * The public digest of answered suggestions (公开答复), posted to a group chat — never to a member's
     * inbox. Either {@code group}, the name of a group chat in {@code unionbot.channels.groups}, or
     * {@code platform} and {@code recipient}, a group conversation on that platform (e.g. dingtalk and
     * {@code robot:工会群}, web and {@code 公告栏}).
     *
     * @param group the configured group chat's name; takes precedence over platform/recipient
     * @param platform the platform code (web, wecom, dingtalk); unset with group unset: no digest is sent
     * @param recipient the group conversation on that platform
     * @param interval how often the digest goes out
     * @param at the local time of day of the first digest (the next one after start-up)
     */
    public record Digest(String group, String platform, String recipient, @DefaultValue("7d") Duration interval,
                         @DefaultValue("16:00") java.time.LocalTime at) {
        public boolean configured() {
            return (group != null && !group.isBlank())
                    || (platform != null && !platform.isBlank() && recipient != null && !recipient.isBlank());
        }

        @Override
        public String toString() {
            return "Digest[group=" + group + ", platform=" + platform + ", recipient="
                    + (recipient == null ? "(none)" : "***") + ", interval=" + interval + "]";
        }
    }

    /**
     * @param standards the school's standard per care type code (hospital, birth, wedding, bereavement,
     *     retirement, hardship), e.g. "探望，慰问金 500 元"
     * @param handlers the staff number of the committee member handling each care type code
     * @param followUpEvery how often the assignee is reminded of an open case
     */
    public record Care(Map<String, String> standards, Map<String, String> handlers,
                       @DefaultValue("3d") Duration followUpEvery) {}

    @Override
    public String toString() {
        return "FeedbackProperties[rateSecret=" + (rateSecret == null ? "(random)" : "***") + ", dailyLimit="
                + dailyLimit + ", digest=" + digest + ", care=" + care + "]";
    }
}
