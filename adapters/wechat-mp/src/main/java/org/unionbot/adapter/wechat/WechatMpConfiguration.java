package org.unionbot.adapter.wechat;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.MemberRepository;

/**
 * The Official Account adapter, for the composition root to import when at least one account is
 * configured.
 *
 * <p>Needs: {@link WechatMpSettings} (e.g. {@code @EnableConfigurationProperties(WechatMpSettings.class)}),
 * a {@link ConversationEngine}, a {@link MemberRepository}, {@link Messages}; a unique {@link Clock} if
 * any. Provides: the callback controller, the {@link WechatMpOutbound} (a {@code PlatformOutbound} the
 * core's router picks up), the {@link MpClients} (WxJava) and {@link MpWebAuthorization} (网页授权).
 */
@Configuration(proxyBeanMethods = false)
@Import(WechatMpCallbackController.class)
public class WechatMpConfiguration {

    @Bean
    MpContacts wechatMpContacts(ObjectProvider<Clock> clock) {
        return new MpContacts(clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public MpClients wechatMpClients(WechatMpSettings settings, ObjectProvider<Clock> clock) {
        return new MpClients(settings, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public WechatMpOutbound wechatMpOutbound(WechatMpSettings settings, MpClients clients, MpContacts contacts) {
        return new WechatMpOutbound(settings, clients, contacts);
    }

    @Bean
    public MpWebAuthorization wechatMpWebAuthorization(MpClients clients) {
        return new MpWebAuthorization(clients);
    }

    /**
     * 网页授权's endpoints. Without an {@link MpMemberPages} (the composition root provides one when the web
     * pages exist) or a {@link BindingService}, they answer that the feature is not available.
     */
    @Bean
    MpOAuthController wechatMpOAuthController(WechatMpSettings settings, MpWebAuthorization authorization,
                                              MemberRepository members, ObjectProvider<BindingService> binding,
                                              ObjectProvider<MpMemberPages> pages, ObjectProvider<Clock> clock) {
        return new MpOAuthController(settings, authorization, members, binding.getIfAvailable(), pages.getIfAvailable(),
                clock.getIfUnique(Clock::systemUTC));
    }

    /**
     * The handler owns a small pool that sends answers too long for a passive reply (rare and short). It is
     * deliberately not an {@code Executor} bean, which would displace Spring Boot's application executor.
     */
    @Bean(destroyMethod = "close")
    MpCallbackHandler wechatMpCallbackHandler(WechatMpSettings settings, ConversationEngine engine,
                                              MemberRepository members, Messages messages, MpContacts contacts,
                                              WechatMpOutbound outbound, ObjectProvider<Clock> clock) {
        ExecutorService background = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "wechat-mp-send");
            thread.setDaemon(true);
            return thread;
        });
        return new MpCallbackHandler(settings, engine, members, messages, contacts, outbound, background,
                clock.getIfUnique(Clock::systemUTC));
    }
}
