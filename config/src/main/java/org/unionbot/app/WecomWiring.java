package org.unionbot.app;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.unionbot.adapter.wecom.WecomConfiguration;
import org.unionbot.adapter.wecom.WecomSettings;

/**
 * The WeCom adapter, started only when {@code unionbot.wecom.accounts} or {@code unionbot.wecom.group-robots}
 * names something; otherwise no WeCom bean exists and the demo is unaffected.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WecomWiring.Configured.class)
@EnableConfigurationProperties(WecomSettings.class)
@Import(WecomConfiguration.class)
class WecomWiring {

    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            return nonEmpty(binder, "unionbot.wecom.accounts") || nonEmpty(binder, "unionbot.wecom.group-robots");
        }

        private static boolean nonEmpty(Binder binder, String name) {
            return binder.bind(name, Bindable.listOf(java.util.Map.class)).map(list -> !list.isEmpty()).orElse(false);
        }
    }
}
