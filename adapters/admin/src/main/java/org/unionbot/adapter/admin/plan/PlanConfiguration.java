package org.unionbot.adapter.admin.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/** The plan and calendar page: 委员 and above see it; approving is checked per action (审批提醒 right). */
@Configuration(proxyBeanMethods = false)
@Import(PlanController.class)
public class PlanConfiguration {

    @Bean
    ConsolePage planPage() {
        return new ConsolePage(PlanController.PATH, ConsoleTexts.get("nav.plan"), ConsoleRole.COMMITTEE, 300);
    }
}
