package org.unionbot.core.channel;

import java.util.Objects;
import org.unionbot.core.message.Platform;

/**
 * One configured platform account, as the console lists it: names and ids only, never a secret, token
 * or key (the composition root builds these from the adapters' settings and copies no secret field).
 *
 * @param kind what it is in words: 网页聊天, 公众号, 企业微信应用, 企业微信群机器人, 钉钉应用, 钉钉群机器人
 * @param account the id the adapter records activity under (appId, corpId/agentId, appKey, robot name)
 */
public record ChannelAccount(Platform platform, String kind, String name, String account) {
    public ChannelAccount {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        Objects.requireNonNull(account, "account");
    }
}
