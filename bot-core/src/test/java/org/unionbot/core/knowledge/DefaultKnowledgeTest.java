package org.unionbot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryMemberRepository;

/** The shipped knowledge: loads cleanly, covers domain.md §2 and §7, cites sources, invents no values. */
class DefaultKnowledgeTest {
    private final KnowledgeBase knowledge = new KnowledgeBase(new InMemoryKnowledgeRepository(), Messages.chinese(),
            null, Map.of(), KnowledgeBase.Thresholds.DEFAULT);

    @Test
    void coversWhatMembersOfASchoolUnionAsk() {
        KnowledgeBase.ReloadReport report = knowledge.reload();
        assertThat(report.applied()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(knowledge.entries()).extracting(KnowledgeEntry::id).contains(
                "join", "transfer", "dues-amount", "festival-welfare", "must-visit", "report-hospital",
                "report-bereavement", "hardship-aid", "mutual-aid", "insurance", "checkup-cycle", "checkup-details",
                "gyn-check", "womens-day", "women-protection", "retiree-events", "retiree-membership", "teachers-day",
                "congress-about", "proposal-how", "proposal-track", "transparency", "rights-help", "mediation",
                "activities", "staff-home", "bot-help", "me-delegate", "me-group", "me-leader");
        assertThat(knowledge.entries()).allSatisfy(entry -> {
            assertThat(entry.questions()).hasSizeGreaterThanOrEqualTo(3);
            if (entry.personal() == null) {
                assertThat(entry.source()).as("source of %s", entry.id()).isNotBlank();
            }
        });
    }

    @Test
    void withoutSettingsNoAnswerShowsAPlaceholderOrAMadeUpValue() {
        knowledge.reload();
        AnswerRenderer renderer = new AnswerRenderer(knowledge, new InMemoryMemberRepository(), Messages.chinese());
        for (KnowledgeEntry entry : knowledge.entries()) {
            String text = renderer.render(entry);
            assertThat(text).as(entry.id()).doesNotContain("${").contains("【来源】".repeat(entry.personal() == null ? 1 : 0));
            if (entry.answer().contains("${")) {
                assertThat(text).as(entry.id()).contains("本校尚未设定，请咨询工会委员会");
            }
        }
    }
}
