package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.feedback.CareCase;
import org.unionbot.core.feedback.CareCaseRepository;
import org.unionbot.core.feedback.CareNote;
import org.unionbot.core.feedback.CareStatus;
import org.unionbot.core.feedback.CareType;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;

class CareCaseRepositoryIT extends DatabaseIT {
    private static final Instant AT = Instant.parse("2026-03-08T01:00:00Z");

    @Autowired
    CareCaseRepository cases;
    @Autowired
    MemberRepository members;

    long reporter;
    long chair;

    @BeforeEach
    void roster() {
        reporter = members.save(new MemberDraft("王芳", "T001", null, null, null, null, null, null, null, null)).memberId();
        chair = members.save(new MemberDraft("张建华", "C000", null, null, null, null, null, null, null, null)).memberId();
    }

    private CareCase newCase(String ref) {
        return new CareCase(0, ref, CareType.BEREAVEMENT, reporter, null, "孙丽", "父亲去世🕯", chair, CareStatus.OPEN, AT, null);
    }

    @Test
    void aCaseIsStoredWithItsNotesAndClosedOnce() {
        CareCase stored = cases.insert(newCase("482913")).orElseThrow();
        assertThat(stored.id()).isPositive();
        assertThat(cases.findByRef("482913")).contains(stored);
        assertThat(cases.findOpen()).containsExactly(stored);

        cases.addNote(new CareNote(stored.id(), chair, AT.plusSeconds(60), "已电话慰问"));
        assertThat(cases.notes(stored.id())).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("已电话慰问"));

        assertThat(cases.close(stored.id(), AT.plusSeconds(3600))).isTrue();
        assertThat(cases.close(stored.id(), AT.plusSeconds(7200))).isFalse();
        assertThat(cases.findOpen()).isEmpty();
        assertThat(sql.queryForObject("SELECT closed_at FROM care_case WHERE ref = '482913'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2026, 3, 8, 2, 0));
        assertThat(sql.queryForObject("SELECT details FROM care_case", String.class)).isEqualTo("父亲去世🕯");
    }

    @Test
    void closedCasesComeLatestClosedFirstPerAssigneeAndLimited() {
        long other = members.save(new MemberDraft("李强", "T002", null, null, null, null, null, null, null, null)).memberId();
        CareCase first = cases.insert(newCase("200001")).orElseThrow();
        CareCase second = cases.insert(newCase("200002")).orElseThrow();
        CareCase others = cases.insert(new CareCase(0, "200003", CareType.HOSPITAL, reporter, null, "陈老师", "",
                other, CareStatus.OPEN, AT, null)).orElseThrow();
        CareCase stillOpen = cases.insert(newCase("200004")).orElseThrow();
        cases.close(second.id(), AT.plusSeconds(60));
        cases.close(first.id(), AT.plusSeconds(120));
        cases.close(others.id(), AT.plusSeconds(180));

        assertThat(cases.findClosed(null, 50)).extracting(CareCase::ref).containsExactly("200003", "200001", "200002");
        assertThat(cases.findClosed(chair, 50)).extracting(CareCase::ref).containsExactly("200001", "200002");
        assertThat(cases.findClosed(other, 50)).singleElement()
                .satisfies(c -> assertThat(c.closedAt()).isEqualTo(AT.plusSeconds(180)));
        assertThat(cases.findClosed(null, 2)).extracting(CareCase::ref).containsExactly("200003", "200001");
        assertThat(cases.findClosed(reporter, 50)).isEmpty();
        assertThat(cases.findOpen()).containsExactly(stillOpen);
    }

    @Test
    void aTakenRefIsReportedNotThrown() {
        assertThat(cases.insert(newCase("111111"))).isPresent();
        assertThat(cases.insert(newCase("111111"))).isEmpty();
    }
}
