package org.unionbot.adapter.admin.feedback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;

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
        return new ConsolePage(SuggestionsController.PATH, "意见建议", ConsoleRole.COMMITTEE, 400);
    }

    @Bean
    ConsolePage proposalsPage() {
        return new ConsolePage(ProposalsController.PATH, "提案", ConsoleRole.COMMITTEE, 410);
    }

    @Bean
    ConsolePage carePage() {
        return new ConsolePage(CareController.PATH, "慰问", ConsoleRole.COMMITTEE, 420);
    }
}
