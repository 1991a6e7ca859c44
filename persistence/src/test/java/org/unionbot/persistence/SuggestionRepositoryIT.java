package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.feedback.Suggestion;
import org.unionbot.core.feedback.SuggestionMode;
import org.unionbot.core.feedback.SuggestionRepository;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;

class SuggestionRepositoryIT extends DatabaseIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 8);

    @Autowired
    SuggestionRepository suggestions;
    @Autowired
    MemberRepository members;

    private Suggestion anonymous(long id, String ref, String hash) {
        return new Suggestion(id, ref, hash, SuggestionMode.ANONYMOUS, null, DAY, null, "匿名内容🌸", SuggestionStatus.RECEIVED,
                null, null, null, null, null, null, null);
    }

    @Test
    void anAnonymousRowIsStoredWithoutSenderOrTime() {
        assertThat(suggestions.insert(anonymous(1L << 41, "123456", "a".repeat(64)))).isTrue();

        Map<String, Object> row = sql.queryForMap("SELECT * FROM suggestion");
        assertThat(row.get("sender_member_id")).isNull();
        assertThat(row.get("submitted_at")).isNull();
        assertThat(row.get("submitted_on").toString()).isEqualTo("2026-03-08");
        assertThat(row.get("body")).isEqualTo("匿名内容🌸");
        assertThat(suggestions.findByCodeHash("a".repeat(64))).get().extracting(Suggestion::ref).isEqualTo("123456");
    }

    @Test
    void theDatabaseRefusesAnAnonymousRowWithASender() {
        long member = members.save(new MemberDraft("张伟", "T001", null, null, null, null, null, null, null, null)).memberId();
        assertThatThrownBy(() -> sql.update("INSERT INTO suggestion (id, ref, code_hash, mode, sender_member_id,"
                + " submitted_on, body, status) VALUES (7, '111111', ?, 'ANONYMOUS', ?, '2026-03-08', 'x', 'RECEIVED')",
                "b".repeat(64), member)).hasMessageContaining("ck_suggestion_anonymous");
    }

    @Test
    void aTakenRefOrCodeIsReportedNotThrown() {
        assertThat(suggestions.insert(anonymous(1L << 41, "123456", "a".repeat(64)))).isTrue();
        assertThat(suggestions.insert(anonymous(2L << 41, "123456", "b".repeat(64)))).isFalse();
        assertThat(suggestions.insert(anonymous(3L << 41, "654321", "a".repeat(64)))).isFalse();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM suggestion", Integer.class)).isEqualTo(1);
    }

    @Test
    void updatesAreConditionalOnTheStatus() {
        long member = members.save(new MemberDraft("张伟", "T001", null, null, null, null, null, null, null, null)).memberId();
        Suggestion s = new Suggestion(5L << 41, "222222", "c".repeat(64), SuggestionMode.NAMED, member, DAY,
                Instant.parse("2026-03-08T01:02:03Z"), "实名内容", SuggestionStatus.RECEIVED, null, null, null, null,
                null, null, null);
        suggestions.insert(s);
        Suggestion assigned = new Suggestion(s.id(), s.ref(), s.codeHash(), s.mode(), member, DAY, s.submittedAt(),
                s.body(), SuggestionStatus.ASSIGNED, member, null, null, null, null, null, null);
        assertThat(suggestions.update(assigned, SuggestionStatus.RECEIVED)).isTrue();
        assertThat(suggestions.update(assigned, SuggestionStatus.RECEIVED)).as("second writer loses").isFalse();
        Suggestion answered = new Suggestion(s.id(), s.ref(), s.codeHash(), s.mode(), member, DAY, s.submittedAt(),
                s.body(), SuggestionStatus.ANSWERED, member, null, "已办", Instant.parse("2026-03-09T02:00:00Z"), member,
                null, null);
        assertThat(suggestions.update(answered, SuggestionStatus.ASSIGNED)).isTrue();

        assertThat(sql.queryForObject("SELECT answer FROM suggestion WHERE ref = '222222'", String.class)).isEqualTo("已办");
        assertThat(suggestions.findByStatus(EnumSet.of(SuggestionStatus.ANSWERED))).singleElement()
                .satisfies(found -> {
                    assertThat(found.answeredAt()).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));
                    assertThat(found.submittedAt()).isEqualTo(Instant.parse("2026-03-08T01:02:03Z"));
                });

        List<Suggestion> unpublished = suggestions.findUnpublishedAnswers(10);
        assertThat(unpublished).hasSize(1);
        suggestions.markPublished(List.of(s.id()), DAY.plusDays(7));
        assertThat(suggestions.findUnpublishedAnswers(10)).isEmpty();
        assertThat(sql.queryForObject("SELECT published_on FROM suggestion", LocalDate.class)).isEqualTo(DAY.plusDays(7));
    }
}
