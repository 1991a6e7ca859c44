package org.unionbot.app;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The school's group chats the bot may post to ({@code unionbot.channels.groups}), by the name the
 * union uses for them, each written {@code platform:conversation}:
 * <pre>
 * unionbot:
 *   channels:
 *     groups:
 *       全体教职工群: dingtalk:robot:全体群     # a DingTalk custom group robot configured by that name
 *       工会委员群: wecom:robot:工会委员群      # a WeCom group robot configured by that name
 *       工会公告栏: web:公告栏                  # the web chat's group board
 * </pre>
 * Poll announcements and the public digest of suggestions use these names.
 */
@ConfigurationProperties("unionbot.channels")
public record ChannelsProperties(Map<String, String> groups) {
    public ChannelsProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }
}
