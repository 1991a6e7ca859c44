package org.unionbot.core.outbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;

/**
 * The school's group chats the bot may post to, by the name the union uses for them ("全体教职工群",
 * "工会委员群"). Each is a group {@link Recipient} on one platform: a DingTalk or WeCom custom group robot
 * ({@code robot:<name>}), a DingTalk group conversation id, or the web chat's group board
 * ({@code web:<board>}). Poll announcements and the public digest of suggestions go here, never to a
 * member's private inbox.
 */
public final class GroupChannels {
    private final Map<String, Recipient> byName;

    public GroupChannels(Map<String, Recipient> byName) {
        Map<String, Recipient> copy = new LinkedHashMap<>();
        byName.forEach((name, recipient) -> {
            if (!recipient.conversation().isGroup()) {
                throw new IllegalArgumentException("group channel " + name + " is not a group conversation");
            }
            copy.put(name.strip(), recipient);
        });
        this.byName = java.util.Collections.unmodifiableMap(copy);
    }

    public static GroupChannels none() {
        return new GroupChannels(Map.of());
    }

    /**
     * Reads a channel as configured: {@code platform:conversation}, e.g. {@code dingtalk:robot:全体群},
     * {@code wecom:robot:工会群}, {@code web:公告栏}.
     *
     * @throws IllegalArgumentException for an unknown platform or a missing conversation
     */
    public static Recipient parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("a group channel is written platform:conversation, e.g. dingtalk:robot:全体群");
        }
        Platform platform = Platform.fromCode(s.substring(0, colon).toLowerCase(Locale.ROOT));
        String conversation = s.substring(colon + 1).strip();
        return new Recipient(platform, Conversation.group(conversation), conversation);
    }

    public Optional<Recipient> find(String name) {
        return Optional.ofNullable(byName.get(name == null ? "" : name.strip()));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }
}
