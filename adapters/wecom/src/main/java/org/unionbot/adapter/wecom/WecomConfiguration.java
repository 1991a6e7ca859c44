package org.unionbot.adapter.wecom;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.poll.PollBallotPresenter;
import org.unionbot.core.poll.PollService;

/**
 * The WeCom adapter, for the composition root to import when an app or a group robot is configured.
 *
 * <p>Needs: {@link WecomSettings}, a {@link ConversationEngine}, a {@link MemberRepository},
 * {@link Messages}; a unique {@link Clock} if any. Provides: the callback controller, the
 * {@link WecomMessenger} (the {@code PlatformOutbound} for WeCom, picked up by the core's router) and
 * {@link WecomGroupRobots}.
 */
@Configuration(proxyBeanMethods = false)
@Import(WecomCallbackController.class)
public class WecomConfiguration {

    @Bean
    public WecomClients wecomClients(WecomSettings settings, ObjectProvider<Clock> clock) {
        return new WecomClients(settings, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public WecomMessenger wecomMessenger(WecomSettings settings, WecomClients clients, WecomGroupRobots robots,
                                         ObjectProvider<Clock> clock) {
        return new WecomMessenger(settings, clients, new MemberRateLimit(clock.getIfUnique(Clock::systemUTC)), robots);
    }

    /** Reminders to vote reach WeCom members as a vote card they submit with a click. */
    @Bean
    PollBallotPresenter wecomBallotCards(WecomMessenger messenger, PollService polls, ObjectProvider<Clock> clock) {
        return new WecomBallotCards(messenger, polls, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    public WecomGroupRobots wecomGroupRobots(WecomSettings settings, WecomClients clients) {
        return new WecomGroupRobots(settings, clients);
    }

    @Bean
    WecomCallbackHandler wecomCallbackHandler(WecomSettings settings, ConversationEngine engine, MemberRepository members,
                                              Messages messages, WecomMessenger messenger, ObjectProvider<Clock> clock) {
        return new WecomCallbackHandler(settings, engine, members, messages, messenger, clock.getIfUnique(Clock::systemUTC));
    }
}
