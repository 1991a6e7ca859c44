package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.knowledge.KnowledgeEntry;
import org.unionbot.core.knowledge.PersonalTopic;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.UnionRole;
import org.unionbot.persistence.knowledge.MyBatisKnowledgeRepository;
import org.unionbot.persistence.knowledge.MyBatisUnansweredQuestions;

class KnowledgeRepositoryIT extends DatabaseIT {

    @Autowired
    MyBatisKnowledgeRepository knowledge;

    @Autowired
    MyBatisUnansweredQuestions unanswered;

    @Autowired
    MyBatisMemberRepository members;

    private static KnowledgeEntry entry(String id, String origin) {
        return new KnowledgeEntry(id, "体检多久一次", List.of("体检多久一次", "今年有體檢嗎"), "本校体检${checkup.cycle}。",
                "体检", "全体会员", "本校教职工健康体检安排", LocalDate.of(2024, 9, 1), "checkup", null, origin);
    }

    @Test
    void fileEntriesAreReplacedAsAWholeAndChatEntriesSurvive() {
        knowledge.replaceFileEntries(List.of(entry("checkup-cycle", "file"), entry("old", "file")));
        knowledge.saveChatEntry(entry("q-1", "chat"));

        knowledge.replaceFileEntries(List.of(entry("checkup-cycle", "file"),
                new KnowledgeEntry("me-group", "我在哪个工会小组", List.of("我在哪个工会小组"), null, null, null, null, null,
                        null, PersonalTopic.GROUP, "file")));

        assertThat(sql.queryForList("SELECT id FROM knowledge_entry ORDER BY id", String.class))
                .containsExactly("checkup-cycle", "me-group", "q-1");
        assertThat(sql.queryForMap("SELECT questions, effective, personal FROM knowledge_entry WHERE id = 'checkup-cycle'"))
                .containsEntry("questions", "体检多久一次\n今年有體檢嗎")
                .containsEntry("effective", java.sql.Date.valueOf("2024-09-01"))
                .containsEntry("personal", null);
        assertThat(sql.queryForObject("SELECT personal FROM knowledge_entry WHERE id = 'me-group'", String.class))
                .isEqualTo("group");

        assertThat(knowledge.entries("file")).extracting(KnowledgeEntry::id).containsExactly("checkup-cycle", "me-group");
        KnowledgeEntry read = knowledge.entries("file").get(0);
        assertThat(read).isEqualTo(entry("checkup-cycle", "file"));
        assertThat(knowledge.entries("file").get(1).personal()).isEqualTo(PersonalTopic.GROUP);
        assertThat(knowledge.entries("chat")).extracting(KnowledgeEntry::id).containsExactly("q-1");
    }

    @Test
    void unansweredQuestionsAreListedOldestFirstUntilResolved() {
        long asker = members.save(new MemberDraft("王芳", "T001", null, null, null, null, null, null,
                Set.of(UnionRole.MEMBER), Set.of())).memberId();
        long chair = members.save(new MemberDraft("张建华", "C000", null, null, null, null, null, null,
                Set.of(UnionRole.CHAIR), Set.of())).memberId();
        long first = unanswered.record("食堂能不能加个素菜窗口", asker, chair, clock.instant());
        long second = unanswered.record("工会有没有读书会", asker, chair, clock.instant().plusSeconds(60));

        assertThat(unanswered.open(10)).extracting(q -> q.id()).containsExactly(first, second);
        assertThat(sql.queryForMap("SELECT question, asker_member_id, assignee_member_id, asked_at, entry_id"
                + " FROM knowledge_unanswered WHERE id = ?", first))
                .containsAllEntriesOf(Map.of("question", "食堂能不能加个素菜窗口", "asker_member_id", asker,
                        "assignee_member_id", chair, "asked_at", LocalDateTime.of(2026, 3, 8, 1, 0)))
                .containsEntry("entry_id", null);

        assertThat(unanswered.resolve(first, "q-" + first, clock.instant())).isTrue();
        assertThat(unanswered.resolve(first, "q-again", clock.instant())).as("already resolved").isFalse();

        assertThat(unanswered.open(10)).extracting(q -> q.id()).containsExactly(second);
        assertThat(unanswered.find(first)).hasValueSatisfying(q -> {
            assertThat(q.open()).isFalse();
            assertThat(q.entryId()).isEqualTo("q-" + first);
            assertThat(q.askedAt()).isEqualTo(clock.instant());
        });
        assertThat(unanswered.find(9999)).isEmpty();
    }
}
