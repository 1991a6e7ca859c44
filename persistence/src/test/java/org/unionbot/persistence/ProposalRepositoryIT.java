package org.unionbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.feedback.Implementation;
import org.unionbot.core.feedback.Proposal;
import org.unionbot.core.feedback.ProposalRepository;
import org.unionbot.core.feedback.ProposalSession;
import org.unionbot.core.feedback.Satisfaction;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;

class ProposalRepositoryIT extends DatabaseIT {
    private static final Instant OPEN = Instant.parse("2026-03-08T01:00:00Z");

    @Autowired
    ProposalRepository proposals;
    @Autowired
    MemberRepository members;

    long delegate;
    long cosigner;

    @BeforeEach
    void roster() {
        delegate = members.save(new MemberDraft("周代表", "D001", null, null, null, null, null, null, null, null)).memberId();
        cosigner = members.save(new MemberDraft("吴代表", "D002", null, null, null, null, null, null, null, null)).memberId();
    }

    private Proposal draft(ProposalSession session, String title, List<Long> cosigners) {
        return new Proposal(0, session.id(), 0, delegate, title, "理由", "措施", cosigners, null, null, null, null, null, OPEN);
    }

    @Test
    void proposalsAreNumberedWithinTheirSession() {
        ProposalSession third = proposals.createSession(5, 3, OPEN, OPEN.plusSeconds(86400)).orElseThrow();
        assertThat(proposals.createSession(5, 3, OPEN, OPEN)).isEmpty();
        assertThat(proposals.insert(draft(third, "一", List.of(cosigner))).number()).isEqualTo(1);
        assertThat(proposals.insert(draft(third, "二", List.of())).number()).isEqualTo(2);
        ProposalSession fourth = proposals.createSession(5, 4, OPEN.plusSeconds(10), OPEN.plusSeconds(86400)).orElseThrow();
        assertThat(proposals.insert(draft(fourth, "新", List.of())).number()).isEqualTo(1);
        assertThat(proposals.latestSession()).contains(fourth);

        assertThat(sql.queryForList("SELECT number FROM proposal WHERE session_id = ? ORDER BY number", Integer.class,
                third.id())).containsExactly(1, 2);
        assertThat(proposals.findByMember(cosigner)).singleElement()
                .satisfies(p -> assertThat(p.title()).isEqualTo("一"));
    }

    @Test
    void concurrentSubmissionsGetDistinctNumbers() throws Exception {
        ProposalSession session = proposals.createSession(6, 1, OPEN, OPEN.plusSeconds(86400)).orElseThrow();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                numbers.add(pool.submit(() -> {
                    start.await();
                    return proposals.insert(draft(session, "并发" + n, List.of(cosigner))).number();
                }));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : numbers) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM proposal_cosigner", Integer.class)).isEqualTo(threads);
    }

    @Test
    void replyImplementationSatisfactionAndPublicationAreStored() {
        ProposalSession session = proposals.createSession(5, 3, OPEN, OPEN.plusSeconds(86400)).orElseThrow();
        Proposal p = proposals.insert(draft(session, "休息室", List.of()));
        Proposal done = new Proposal(p.id(), p.sessionId(), p.number(), delegate, p.title(), p.reasons(), p.measures(),
                List.of(), "后勤处", "暑假改造", OPEN.plusSeconds(60), Implementation.DONE, Satisfaction.SATISFIED,
                p.submittedAt());
        proposals.update(done);
        assertThat(proposals.find(session.id(), 1)).contains(done);
        assertThat(sql.queryForObject("SELECT satisfaction FROM proposal", String.class)).isEqualTo("SATISFIED");
        proposals.publish(session.id(), OPEN.plusSeconds(120));
        assertThat(proposals.findSession(5, 3).orElseThrow().publishedAt()).isEqualTo(OPEN.plusSeconds(120));
    }
}
