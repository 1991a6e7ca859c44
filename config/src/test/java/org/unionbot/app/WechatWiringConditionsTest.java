package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unionbot.adapter.wechat.WechatMpOutbound;
import org.unionbot.adapter.wecom.WecomMessenger;

/** Nothing WeChat- or WeCom-related starts unless an account (or a robot) is configured. */
class WechatWiringConditionsTest {

    @Test
    void withoutAccountsNoAdapterBeanExists() {
        new ApplicationContextRunner().withUserConfiguration(WechatMpWiring.class, WecomWiring.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WechatMpOutbound.class);
            assertThat(context).doesNotHaveBean(WecomMessenger.class);
        });
    }

    @Test
    void theConditionsSeeAccountsAndRobotsFromTheEnvironment() {
        new ApplicationContextRunner()
                .withPropertyValues("unionbot.wechat-mp.accounts[0].app-id=wx1", "unionbot.wecom.group-robots[0].name=g")
                .run(context -> {
                    var env = context.getEnvironment();
                    var conditionContext = new org.springframework.context.annotation.ConditionContext() {
                        public org.springframework.beans.factory.support.BeanDefinitionRegistry getRegistry() {
                            throw new UnsupportedOperationException();
                        }

                        public org.springframework.beans.factory.config.ConfigurableListableBeanFactory getBeanFactory() {
                            return null;
                        }

                        public org.springframework.core.env.Environment getEnvironment() {
                            return env;
                        }

                        public org.springframework.core.io.ResourceLoader getResourceLoader() {
                            return context;
                        }

                        public ClassLoader getClassLoader() {
                            return getClass().getClassLoader();
                        }
                    };
                    assertThat(new WechatMpWiring.AccountsConfigured().matches(conditionContext, null)).isTrue();
                    assertThat(new WecomWiring.Configured().matches(conditionContext, null)).isTrue();
                });
    }
}
