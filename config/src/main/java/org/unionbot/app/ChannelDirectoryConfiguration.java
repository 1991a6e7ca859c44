package org.unionbot.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.adapter.dingtalk.DingTalkSettings;
import org.unionbot.adapter.wechat.WechatMpSettings;
import org.unionbot.adapter.wecom.WecomSettings;
import org.unionbot.core.channel.ChannelAccount;
import org.unionbot.core.channel.ChannelDirectory;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.message.Platform;

/**
 * What the console's 渠道 page shows: the configured platform accounts (names and ids copied from the
 * adapters' settings — never a secret, token or key) and the adapters' activity, kept in memory (the
 * last {@link #ERRORS_KEPT} errors; per instance, lost on restart).
 */
@Configuration(proxyBeanMethods = false)
class ChannelDirectoryConfiguration {
    static final int ERRORS_KEPT = 100;

    @Bean
    InMemoryChannelActivity channelActivity(Clock clock) {
        return new InMemoryChannelActivity(clock, ERRORS_KEPT);
    }

    @Bean
    ChannelDirectory channelDirectory(ObjectProvider<WechatMpSettings> wechatMp, ObjectProvider<WecomSettings> wecom,
                                      ObjectProvider<DingTalkSettings> dingTalk) {
        List<ChannelAccount> accounts = new ArrayList<>();
        accounts.add(new ChannelAccount(Platform.WEB, "网页聊天", "本机网页聊天（/chat）", "web"));
        WechatMpSettings mp = wechatMp.getIfAvailable();
        if (mp != null) {
            mp.accounts().forEach(a -> accounts.add(new ChannelAccount(Platform.WECHAT_MP, "公众号", a.appId(), a.appId())));
        }
        WecomSettings wc = wecom.getIfAvailable();
        if (wc != null) {
            wc.accounts().forEach(a -> accounts.add(new ChannelAccount(Platform.WECOM, "企业微信应用",
                    "企业 " + a.corpId() + " 应用 " + a.agentId(), a.corpId() + "/" + a.agentId())));
            // A group robot's webhook key is its secret: only its name is shown.
            wc.groupRobots().forEach(r -> accounts.add(new ChannelAccount(Platform.WECOM, "企业微信群机器人", r.name(), r.name())));
        }
        DingTalkSettings dt = dingTalk.getIfAvailable();
        if (dt != null) {
            dt.apps().forEach(a -> accounts.add(new ChannelAccount(Platform.DINGTALK,
                    "钉钉应用（" + a.receiveMode().name().toLowerCase(java.util.Locale.ROOT) + "）", a.appKey(), a.appKey())));
            dt.groupRobots().forEach(r -> accounts.add(new ChannelAccount(Platform.DINGTALK, "钉钉群机器人", r.name(), r.name())));
        }
        return new ChannelDirectory(accounts);
    }
}
