package org.unionbot.adapter.admin.feedback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/**
 * Suggestions, proposals and care cases: 委员 and above. Care cases are further limited inside the page
 * to the chair and each case's assignee, the same rule as in chat ({@code CareService.maySee}).
 * Needs the core's {@code SuggestionService}, {@code ProposalService} and {@code CareService} beans.
 */
@Configuration(proxyBeanMethods = false)
@Import({SuggestionsController.class, ProposalsController.class, CareController.class})
public class FeedbackConsoleConfiguration {

    @Bean
    ConsolePage suggestionsPage() {
        return new ConsolePage(SuggestionsController.PATH, ConsoleTexts.get("nav.suggestions"),
                ConsoleRole.COMMITTEE, 400);
    }

    @Bean
    ConsolePage proposalsPage() {
        return new ConsolePage(ProposalsController.PATH, ConsoleTexts.get("nav.proposals"), ConsoleRole.COMMITTEE, 410);
    }

    @Bean
    ConsolePage carePage() {
        return new ConsolePage(CareController.PATH, ConsoleTexts.get("nav.care"), ConsoleRole.COMMITTEE, 420);
    }
}
