package org.unionbot.persistence.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/** Editing a poll before its first vote on the real database: new electorate snapshot, audit, channels. */
@SpringBootTest(classes = PollTestApplication.class)
class PollEditStorageIT {

    @Autowired
    JdbcPollRepository polls;

    @Autowired
    JdbcPollChannelRepository channels;

    @Autowired
    MemberRepository members;

    @Autowired
    MutableClock clock;

    final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());
    PollService service;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
        clock.set(PollTestApplication.START);
        TaskScheduler scheduler = new TaskScheduler() {
            @Override
            public void scheduleOnce(TaskKey key, Instant at) {
            }

            @Override
            public void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
            }

            @Override
            public void cancel(TaskKey key) {
            }

            @Override
            public boolean isScheduled(TaskKey key) {
                return false;
            }
        };
        service = new PollService(polls, members, scheduler, (recipient, reply) -> { }, Messages.chinese(), clock);
    }

    private Member member(String name, String staffNo, String group, UnionRole... roles) {
        long id = members.save(new MemberDraft(name, staffNo, Gender.FEMALE, Birthday.solar(3, 8), MemberStatus.ACTIVE,
                null, "1234", group, Set.of(roles.length == 0 ? new UnionRole[] {UnionRole.MEMBER} : roles),
                Set.of())).memberId();
        return members.findById(id).orElseThrow();
    }

    private PollDraft draft(String title, Electorate electorate) {
        return new PollDraft(title, PollKind.SINGLE, List.of("甲", "乙"), 1, 0, electorate, true, false,
                Visibility.AFTER_CLOSE, clock.instant().plus(Duration.ofDays(2)), null, null);
    }

    @Test
    void anEditBeforeTheFirstVoteReplacesTheElectorateSnapshotAndIsAudited() {
        Member chair = member("张建华", "C000", "行政组", UnionRole.CHAIR);
        Member chinese = member("王芳", "T001", "语文组");
        Member maths = member("李明", "T002", "数学组");
        Poll poll = service.open(draft("春游", new Electorate(Electorate.Type.GROUP, "语文组")), chair);
        assertThat(polls.electorate(poll.id())).containsExactly(chinese.id());

        assertThat(service.edit(poll.id(), draft("秋游", Electorate.all()), chair)).isTrue();
        assertThat(polls.find(poll.id()).orElseThrow().title()).isEqualTo("秋游");
        assertThat(polls.electorate(poll.id())).containsExactlyInAnyOrder(chair.id(), chinese.id(), maths.id());
        assertThat(polls.auditTrail(poll.id())).extracting(a -> a.action()).containsExactly("created", "edited");

        assertThat(service.vote(poll.id(), maths, new Choices(List.of(1)), null).receiptCode()).isNotNull();
        assertThat(service.edit(poll.id(), draft("冬游", new Electorate(Electorate.Type.GROUP, "语文组")), chair))
                .as("after the first vote nothing changes").isFalse();
        assertThat(polls.find(poll.id()).orElseThrow().title()).isEqualTo("秋游");
        assertThat(polls.electorate(poll.id())).hasSize(3);
        assertThat(polls.auditTrail(poll.id())).extracting(a -> a.action()).containsExactly("created", "edited");
    }

    @Test
    void aPollRemembersTheGroupChatsItWasAnnouncedIn() {
        Member chair = member("张建华", "C000", "行政组", UnionRole.CHAIR);
        Poll poll = service.open(draft("春游", Electorate.all()), chair);
        channels.save(poll.id(), List.of("全体教职工群", "工会公告栏"));
        assertThat(channels.channels(poll.id())).containsExactly("全体教职工群", "工会公告栏");
        channels.save(poll.id(), List.of("工会公告栏"));
        assertThat(channels.channels(poll.id())).containsExactly("工会公告栏");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_channel", Integer.class)).isEqualTo(1);
    }

    @Test
    void aReminderToVotePressedOnSeveralInstancesAtOnceIsRecordedOnce() throws Exception {
        Member chair = member("张建华", "C000", "行政组", UnionRole.CHAIR);
        Instant at = clock.instant();
        int presses = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(presses);
        try {
            // Several rounds, each a fresh poll pressed by 8 threads at once: one round rarely overlaps enough
            // to show a check-then-record race, twenty do.
            for (int round = 0; round < 20; round++) {
                Poll poll = service.open(draft("春游 " + round, Electorate.all()), chair);
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<java.util.Optional<Instant>>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < presses; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return polls.auditUnlessRecent(poll.id(), chair.id(), "nudged", at, Duration.ofMinutes(10));
                    }));
                }
                start.countDown();
                int recorded = 0;
                for (var answer : answers) {
                    recorded += answer.get().isEmpty() ? 1 : 0;
                }
                assertThat(recorded).as("round %d: exactly one press goes through", round).isEqualTo(1);
                assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_audit WHERE poll_id = ? AND action = 'nudged'",
                        Integer.class, poll.id())).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        Poll poll = service.open(draft("秋游", Electorate.all()), chair);
        assertThat(polls.auditUnlessRecent(poll.id(), chair.id(), "nudged", at, Duration.ofMinutes(10))).isEmpty();
        assertThat(polls.auditUnlessRecent(poll.id(), chair.id(), "nudged", at.plus(Duration.ofMinutes(9)),
                Duration.ofMinutes(10))).contains(at);
        assertThat(polls.auditUnlessRecent(poll.id(), chair.id(), "nudged", at.plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(10))).as("ten minutes later it may go again").isEmpty();
    }
}
