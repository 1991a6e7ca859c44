package org.unionbot.adapter.web;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.testing.ConversationHarness;

/**
 * The members and clock of a test's {@link ConversationHarness} bean as the web chat's beans, for the
 * test configurations that import {@link WebChatConfiguration} over a harness.
 */
@Configuration(proxyBeanMethods = false)
public class HarnessBeans {
    @Bean
    MemberRepository members(ConversationHarness harness) {
        return harness.members;
    }

    @Bean
    Clock clock(ConversationHarness harness) {
        return harness.clock;
    }
}
