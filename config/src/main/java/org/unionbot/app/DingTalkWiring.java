package org.unionbot.app;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.unionbot.adapter.dingtalk.DingTalkConfiguration;
import org.unionbot.adapter.dingtalk.PollPageLinks;
import org.unionbot.adapter.dingtalk.DingTalkSettings;
import org.unionbot.adapter.web.poll.PollLinks;

/**
 * Starts the DingTalk adapter only when {@code unionbot.dingtalk} names an app or a group robot: a school
 * without DingTalk (and the demo) gets no controller, no connection and no thread from it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DingTalkWiring.Configured.class)
@EnableConfigurationProperties(DingTalkSettings.class)
@Import(DingTalkConfiguration.class)
class DingTalkWiring {

    /** Poll ActionCards (no card template configured) link each member to their own signed poll page. */
    @Bean
    PollPageLinks dingTalkPollPageLinks(PollLinks links) {
        return links::voteUrl;
    }

    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("unionbot.dingtalk", DingTalkSettings.class)
                    .map(DingTalkSettings::enabled).orElse(false);
        }
    }
}
