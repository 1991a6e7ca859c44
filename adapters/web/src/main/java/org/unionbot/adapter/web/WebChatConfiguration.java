package org.unionbot.adapter.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The web chat, for the application's composition root to import.
 *
 * <p>Needs from the context: a {@link org.unionbot.core.engine.ConversationEngine}, a
 * {@link org.unionbot.core.member.MemberRepository} and a {@link WebChatSettings} (for example through
 * {@code @EnableConfigurationProperties(WebChatSettings.class)}, which binds {@code unionbot.web.*}). A
 * {@link Clock} bean is used when there is exactly one; otherwise the system clock in UTC.
 *
 * <p>Provides: the controllers of {@code /api/chat}, {@code /api/inbox} and {@code /api/demo/people}, their
 * error handling, the request guard on {@code /api/*}, an {@link InMemoryWebInbox} as the
 * {@link WebInbox} (declare a {@code @Primary WebInbox} to replace it), an {@link InMemoryWebGroupBoard} as the
 * {@link WebGroupBoard} (likewise), and the {@link WebOutbound} to
 * register for {@code Platform.WEB} with the core's {@code OutboundRouter}. The page itself is
 * {@code classpath:/static/index.html}, served by Spring Boot's static resource handling.
 *
 * <p>The controllers are imported rather than declared with {@code @Bean}, so a component scan that also
 * finds them does not register them twice. Bean methods take their dependencies as parameters, so the
 * outbound port can be built before the engine that uses it.
 */
@Configuration(proxyBeanMethods = false)
@Import({ChatController.class, InboxController.class, GroupBoardController.class, DemoPeopleController.class,
        WebChatErrors.class})
public class WebChatConfiguration {

    @Bean
    WebIdentity webChatIdentity(WebChatSettings settings, ObjectProvider<Clock> clock) {
        return new WebIdentity(settings, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public InMemoryWebInbox webInbox() {
        return new InMemoryWebInbox();
    }

    /** Replaced by a {@code @Primary WebGroupBoard} in the application (the boards in the database). */
    @Bean
    public InMemoryWebGroupBoard webGroupBoard() {
        return new InMemoryWebGroupBoard();
    }

    @Bean
    public WebOutbound webOutbound(WebInbox inbox, WebGroupBoard boards, ObjectProvider<Clock> clock) {
        return new WebOutbound(inbox, boards, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<ApiGuardFilter> webChatApiGuard() {
        FilterRegistrationBean<ApiGuardFilter> registration = new FilterRegistrationBean<>(new ApiGuardFilter());
        registration.addUrlPatterns("/api/*");
        registration.setName("webChatApiGuard");
        // Before anything that might read the body (form parsing, logging filters).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
