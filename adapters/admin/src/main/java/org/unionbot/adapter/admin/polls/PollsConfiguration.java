package org.unionbot.adapter.admin.polls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/** The polls page: 委员 and above, like creating and closing polls in chat. */
@Configuration(proxyBeanMethods = false)
@Import(PollsController.class)
public class PollsConfiguration {

    @Bean
    ConsolePage pollsPage() {
        return new ConsolePage(PollsController.PATH, ConsoleTexts.get("nav.polls"), ConsoleRole.COMMITTEE, 200);
    }
}
