package org.unionbot.app;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The school's group chats the bot may post to ({@code unionbot.channels.groups}), each with the name
 * the union uses for it and its target, written {@code platform:conversation}:
 * <pre>
 * unionbot:
 *   channels:
 *     groups:
 *       - name: 全体教职工群
 *         target: dingtalk:robot:全体群     # a DingTalk custom group robot configured by that name
 *       - name: 工会公告栏
 *         target: web:工会公告栏            # the web chat's group board
 * </pre>
 * A list rather than a map: Spring's property names cannot hold Chinese map keys without the bracket
 * notation, which nobody configuring a school's bot should have to know. Poll announcements and the
 * public digest of suggestions use these names.
 */
@ConfigurationProperties("unionbot.channels")
public record ChannelsProperties(List<Group> groups) {
    public ChannelsProperties {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** One group chat: the union's name for it and where it is, {@code platform:conversation}. */
    public record Group(String name, String target) {}
}
