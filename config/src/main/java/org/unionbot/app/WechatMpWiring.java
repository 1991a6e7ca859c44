package org.unionbot.app;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.adapter.web.poll.PollLinks;
import org.unionbot.adapter.wechat.MpMemberPages;
import org.unionbot.adapter.wechat.WechatMpConfiguration;
import org.unionbot.adapter.wechat.WechatMpSettings;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.poll.PollService;

/**
 * The WeChat Official Account adapter, started only when {@code unionbot.wechat-mp.accounts} names at
 * least one account: without one, no callback URL exists and no WeChat bean is created, so the demo and
 * a school without an Official Account are unaffected.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WechatMpWiring.AccountsConfigured.class)
@EnableConfigurationProperties(WechatMpSettings.class)
@Import(WechatMpConfiguration.class)
class WechatMpWiring {

    /** Where 网页授权 sends a recognised follower (the web adapter's signed pages). */
    @Bean
    MpMemberPages wechatMpPages(@Value("${unionbot.web.public-url:http://localhost:8080}") String publicUrl,
                                WebChatSettings web, MemberRepository members, ObjectProvider<PollService> polls,
                                ObjectProvider<PollLinks> pollLinks, ObjectProvider<Clock> clock) {
        return new WechatMpPages(publicUrl, web, members, polls.getIfAvailable(), pollLinks.getIfAvailable(),
                clock.getIfUnique(Clock::systemUTC));
    }

    /** True when the list {@code unionbot.wechat-mp.accounts} binds to something non-empty. */
    static final class AccountsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("unionbot.wechat-mp.accounts", Bindable.listOf(java.util.Map.class))
                    .map(list -> !list.isEmpty())
                    .orElse(false);
        }
    }
}
