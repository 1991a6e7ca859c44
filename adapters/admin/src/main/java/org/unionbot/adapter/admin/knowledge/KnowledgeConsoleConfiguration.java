package org.unionbot.adapter.admin.knowledge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/** The knowledge page: 委员 and above. Needs the core's {@code KnowledgeBase} and unanswered questions. */
@Configuration(proxyBeanMethods = false)
@Import(KnowledgeController.class)
public class KnowledgeConsoleConfiguration {

    @Bean
    ConsolePage knowledgePage() {
        return new ConsolePage(KnowledgeController.PATH, ConsoleTexts.get("nav.knowledge"), ConsoleRole.COMMITTEE, 500);
    }
}
