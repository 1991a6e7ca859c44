package org.unionbot.adapter.admin.members;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/** The members pages: 委员 and above (their data is the whole roster). */
@Configuration(proxyBeanMethods = false)
@Import(MembersController.class)
public class MembersConfiguration {

    @Bean
    ConsolePage membersPage() {
        return new ConsolePage(MembersController.PATH, ConsoleTexts.get("nav.members"), ConsoleRole.COMMITTEE, 100);
    }

    @Bean
    ConsolePage groupsPage() {
        return new ConsolePage(MembersController.GROUPS, ConsoleTexts.get("nav.groups"), ConsoleRole.COMMITTEE, 110);
    }
}
