package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.feedback.Idea;
import org.unionbot.core.feedback.IdeaRepository;
import org.unionbot.core.feedback.IdeaRound;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;

class IdeaRepositoryIT extends DatabaseIT {
    private static final Instant OPEN = Instant.parse("2026-03-08T01:00:00Z");

    @Autowired
    IdeaRepository ideas;
    @Autowired
    MemberRepository members;

    @Test
    void ideasAreNumberedPerRoundAndShortlisted() {
        long author = members.save(new MemberDraft("王芳", "T001", null, null, null, null, null, null, null, null)).memberId();
        IdeaRound first = ideas.createRound("文化节", OPEN, OPEN.plusSeconds(86400));
        for (int i = 1; i <= 3; i++) {
            assertThat(ideas.insert(new Idea(0, first.id(), 0, author, "点子" + i, false)).number()).isEqualTo(i);
        }
        IdeaRound second = ideas.createRound("运动会", OPEN.plusSeconds(10), OPEN.plusSeconds(86400));
        assertThat(ideas.insert(new Idea(0, second.id(), 0, author, "新点子", false)).number()).isEqualTo(1);
        assertThat(ideas.latestRound()).contains(second);

        ideas.setShortlist(first.id(), List.of(1, 3));
        assertThat(ideas.ideas(first.id())).extracting(Idea::shortlisted).containsExactly(true, false, true);
        ideas.setShortlist(first.id(), List.of(2));
        assertThat(sql.queryForList("SELECT number FROM idea WHERE shortlisted AND round_id = ?", Integer.class,
                first.id())).containsExactly(2);
    }
}
