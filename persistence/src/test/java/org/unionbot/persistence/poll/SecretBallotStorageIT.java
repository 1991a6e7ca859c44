package org.unionbot.persistence.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollRepository;
import org.unionbot.core.poll.PollResult;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Receipts;
import org.unionbot.core.poll.Visibility;
import org.unionbot.core.poll.VoteOutcome;
import org.unionbot.core.schedule.TaskKey;
import org.unionbot.core.schedule.TaskScheduler;
import org.unionbot.persistence.testing.MutableClock;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The storage of ballots on the real database: secret by construction (a dump of every table shows
 * nothing linking a member to a choice), one vote per member under concurrency, changes and closing.
 */
@SpringBootTest(classes = PollTestApplication.class)
class SecretBallotStorageIT {

    @Autowired
    JdbcPollRepository polls;

    @Autowired
    MemberRepository members;

    @Autowired
    MutableClock clock;

    final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());
    final List<TaskKey> scheduled = new CopyOnWriteArrayList<>();
    PollService service;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
        clock.set(PollTestApplication.START);
        TaskScheduler scheduler = new TaskScheduler() {
            @Override
            public void scheduleOnce(TaskKey key, Instant at) {
                scheduled.add(key);
            }

            @Override
            public void scheduleRepeating(TaskKey key, Instant firstAt, Duration interval) {
            }

            @Override
            public void cancel(TaskKey key) {
                scheduled.remove(key);
            }

            @Override
            public boolean isScheduled(TaskKey key) {
                return scheduled.contains(key);
            }
        };
        service = new PollService(polls, members, scheduler, (recipient, reply) -> { }, Messages.chinese(), clock);
    }

    private Member member(String name, String staffNo, UnionRole... roles) {
        long id = members.save(new MemberDraft(name, staffNo, Gender.FEMALE, Birthday.solar(3, 8), MemberStatus.ACTIVE,
                null, "1234", "语文组", Set.of(roles.length == 0 ? new UnionRole[] {UnionRole.MEMBER} : roles),
                Set.of("女职工"))).memberId();
        members.bindIdentity(new PlatformIdentity(Platform.WEB, "web-" + staffNo, id));
        members.bindIdentity(new PlatformIdentity(Platform.WECOM, "wecom-" + staffNo, id));
        return members.findById(id).orElseThrow();
    }

    private PollDraft draft(PollKind kind, boolean secret, boolean allowChange, List<String> options, int max) {
        return new PollDraft("选举工会委员", kind, options, max, kind == PollKind.RATING ? 5 : 0, Electorate.all(),
                secret, allowChange, Visibility.AFTER_CLOSE, clock.instant().plus(Duration.ofDays(3)), null, null);
    }

    @Test
    void aDumpOfEveryTableAfterSecretVotesLinksNoMemberToAChoice() {
        Member chair = member("张建华", "C000", UnionRole.CHAIR);
        List<Member> voters = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            voters.add(member("教师" + i, "T" + (100 + i)));
        }
        Poll poll = service.open(draft(PollKind.ELECTION, true, true, List.of("甲", "乙", "丙", "丁"), 2), chair);
        List<String> ballotIdsInVotingOrder = new ArrayList<>();
        Map<Long, String> receipts = new HashMap<>();
        for (int i = 0; i < voters.size(); i++) {
            Choices c = new Choices(List.of(1 + i % 4));
            var r = service.vote(poll.id(), voters.get(i), c, null);
            assertThat(r.outcome()).isEqualTo(VoteOutcome.RECORDED);
            ballotIdsInVotingOrder.add(r.ballotId());
            receipts.put(voters.get(i).id(), r.receiptCode());
        }
        // one change with the receipt, so the change path is covered by the dump too
        assertThat(service.vote(poll.id(), voters.get(0), new Choices(List.of(2, 3)), receipts.get(voters.get(0).id()))
                .outcome()).isEqualTo(VoteOutcome.CHANGED);
        service.close(poll.id(), chair.id());

        // 1. The ballot table has only these columns: nothing about the voter, nothing about time.
        assertThat(sql.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'ballot'", String.class))
                .map(String::toLowerCase).containsExactlyInAnyOrder("id", "poll_id", "choices", "receipt_hash");

        // 2. Dump every table, every column.
        Map<String, List<Map<String, Object>>> dump = new HashMap<>();
        for (String table : sql.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", String.class)) {
            dump.put(table.toLowerCase(), sql.queryForList("SELECT * FROM `" + table + "`"));
        }
        Set<String> ballotIds = new HashSet<>(ballotIdsInVotingOrder);
        Set<String> receiptHashes = new HashSet<>();
        for (var row : dump.get("ballot")) {
            receiptHashes.add((String) row.get("receipt_hash"));
        }
        Set<String> identityValues = new HashSet<>();
        for (Member v : voters) {
            identityValues.addAll(List.of(String.valueOf(v.id()), v.name(), v.staffNo(), "web-" + v.staffNo(),
                    "wecom-" + v.staffNo()));
        }
        for (var table : dump.entrySet()) {
            for (var row : table.getValue()) {
                Set<String> values = new HashSet<>();
                row.values().forEach(v -> values.add(String.valueOf(v)));
                if (table.getKey().equals("ballot")) {
                    // a ballot row carries no identity value and no member id in any column
                    assertThat(values).as("ballot row %s", row).doesNotContainAnyElementsOf(identityValues.stream()
                            .filter(s -> !s.matches("\\d+")).toList());
                    assertThat(row.get("poll_id")).isEqualTo(poll.id());
                    continue;
                }
                // no other table mentions a ballot id or a receipt hash: nothing joins a member to a ballot
                assertThat(values).as("%s row %s", table.getKey(), row).doesNotContainAnyElementsOf(ballotIds);
                assertThat(values).as("%s row %s", table.getKey(), row).doesNotContainAnyElementsOf(receiptHashes);
            }
        }
        assertThat(dump.get("poll_named_ballot")).isEmpty();
        // 3. Receipt hashes are not derived from identities: recompute with each voter's identity values
        for (Member v : voters) {
            for (String value : List.of(String.valueOf(v.id()), v.staffNo(), "web-" + v.staffNo())) {
                assertThat(receiptHashes).doesNotContain(Receipts.hash(poll.id(), value));
            }
        }
        // 4. Participation says who voted, without time; the audit trail says who ran the poll.
        assertThat(sql.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'poll_participation'", String.class))
                .map(String::toLowerCase).containsExactlyInAnyOrder("poll_id", "member_id");
        assertThat(polls.auditTrail(poll.id())).extracting(a -> a.action() + ":" + a.memberId())
                .containsExactly("created:" + chair.id(), "closed:" + chair.id());
        // 5. Ballot ids do not follow the order of voting (12 random ids sorted by chance: 1 in 12!).
        List<String> sorted = new ArrayList<>(ballotIdsInVotingOrder);
        sorted.sort(null);
        assertThat(ballotIdsInVotingOrder).isNotEqualTo(sorted);
        // 6. And the tally is exact.
        PollResult result = service.result(poll.id());
        assertThat(result.voted()).isEqualTo(12);
        assertThat(result.counts()).containsExactly(2, 4, 4, 3);
    }

    @Test
    void namedPollsLinkMemberAndBallotAndChangeInPlace() {
        Member chair = member("张建华", "C000", UnionRole.CHAIR);
        Member t = member("王芳", "T001");
        Poll poll = service.open(draft(PollKind.SINGLE, false, true, List.of("苏州", "杭州"), 1), chair);
        assertThat(service.vote(poll.id(), t, new Choices(List.of(1)), null).outcome()).isEqualTo(VoteOutcome.RECORDED);
        assertThat(service.vote(poll.id(), t, new Choices(List.of(2)), null).outcome()).isEqualTo(VoteOutcome.CHANGED);
        assertThat(polls.namedChoices(poll.id())).containsExactly(Map.entry(t.id(), new Choices(List.of(2))));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot", Integer.class)).isEqualTo(1);
    }

    @Test
    void aSecretVoteChangesOnlyWithItsReceiptAndNeverAfterClose() {
        Member chair = member("张建华", "C000", UnionRole.CHAIR);
        Member a = member("甲", "T001");
        Member b = member("乙", "T002");
        Poll poll = service.open(draft(PollKind.RESOLUTION, true, true, List.of(), 1), chair);
        var first = service.vote(poll.id(), a, new Choices(List.of(1)), null);
        service.vote(poll.id(), b, new Choices(List.of(2)), null);
        assertThat(service.vote(poll.id(), a, new Choices(List.of(3)), null).outcome()).isEqualTo(VoteOutcome.ALREADY_VOTED);
        assertThat(service.vote(poll.id(), a, new Choices(List.of(3)), "ZZZZ-ZZZZ").outcome()).isEqualTo(VoteOutcome.ALREADY_VOTED);
        assertThat(service.vote(poll.id(), a, new Choices(List.of(2)), first.receiptCode()).outcome()).isEqualTo(VoteOutcome.CHANGED);
        assertThat(service.result(poll.id()).counts()).containsExactly(0, 2, 0);
        service.close(poll.id(), chair.id());
        assertThat(service.vote(poll.id(), a, new Choices(List.of(1)), first.receiptCode()).outcome()).isEqualTo(VoteOutcome.CLOSED);
        assertThat(polls.changeSecret(poll.id(), a.id(), Receipts.hash(poll.id(), first.receiptCode()), new Choices(List.of(1))))
                .as("the repository refuses too, whatever the caller checked").isFalse();
        assertThat(service.close(poll.id(), chair.id())).as("a second close does nothing").isEmpty();
        assertThat(service.result(poll.id()).counts()).containsExactly(0, 2, 0);
    }

    @Test
    void twoThousandMembersVotingAtOnceGiveExactTotals() throws Exception {
        int n = 2000;
        PollDraft d = new PollDraft("春游去哪里", PollKind.SINGLE, List.of("苏州", "杭州", "黄山"), 1, 0, Electorate.all(), true,
                false, Visibility.AFTER_CLOSE, clock.instant().plus(Duration.ofDays(1)), null, null);
        Set<Long> electorate = new HashSet<>();
        for (long m = 1; m <= n; m++) {
            electorate.add(m);
        }
        long pollId = polls.create(d, electorate, 1, clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, Integer> firstAccepted = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (long m = 1; m <= n; m++) {
                long member = m;
                // every member sends twice (a retry on another platform) with different choices
                for (int attempt = 0; attempt < 2; attempt++) {
                    int choice = (int) ((member + attempt) % 3) + 1;
                    futures.add(pool.submit(() -> {
                        start.await();
                        if (polls.castFirst(pollId, member, Receipts.newBallotId(), new Choices(List.of(choice)),
                                Receipts.hash(pollId, Receipts.newReceiptCode()), false, clock.instant())) {
                            assertThat(firstAccepted.putIfAbsent(member, choice)).isNull();
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(firstAccepted).hasSize(n);
        long[] expected = new long[3];
        firstAccepted.values().forEach(c -> expected[c - 1]++);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_participation WHERE poll_id = ?", Integer.class, pollId))
                .isEqualTo(n);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot WHERE poll_id = ?", Integer.class, pollId)).isEqualTo(n);
        Poll poll = polls.find(pollId).orElseThrow();
        PollResult result = PollResult.tally(poll, n, polls.ballots(pollId).values());
        assertThat(result.counts()).containsExactly(expected);
    }

    /**
     * The vote path's write ({@code cast}, which folds eligibility and the open check into the statement
     * that writes the participation): 2,000 members voting twice at once on 32 threads, plus 200 outsiders,
     * give one participation and one ballot per member and exact totals.
     */
    @Test
    void twoThousandMembersVotingAtOnceThroughTheVotePathGiveExactTotals() throws Exception {
        int n = 2000;
        int outsiders = 200;
        PollDraft d = new PollDraft("春游去哪里", PollKind.SINGLE, List.of("苏州", "杭州", "黄山"), 1, 0, Electorate.all(), true,
                false, Visibility.AFTER_CLOSE, clock.instant().plus(Duration.ofDays(1)), null, null);
        Set<Long> electorate = new HashSet<>();
        for (long m = 1; m <= n; m++) {
            electorate.add(m);
        }
        long pollId = polls.create(d, electorate, 1, clock.instant());
        Poll poll = polls.find(pollId).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, Integer> firstAccepted = new ConcurrentHashMap<>();
        Map<PollRepository.Cast, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (long m = 1; m <= n + outsiders; m++) {
                long member = m;
                for (int attempt = 0; attempt < 2; attempt++) {
                    int choice = (int) ((member + attempt) % 3) + 1;
                    futures.add(pool.submit(() -> {
                        start.await();
                        var cast = polls.cast(poll, member, Receipts.newBallotId(), new Choices(List.of(choice)),
                                Receipts.hash(pollId, Receipts.newReceiptCode()), clock.instant());
                        outcomes.merge(cast, 1, Integer::sum);
                        if (cast == PollRepository.Cast.RECORDED) {
                            assertThat(firstAccepted.putIfAbsent(member, choice)).isNull();
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsOnly(Map.entry(PollRepository.Cast.RECORDED, n),
                Map.entry(PollRepository.Cast.ALREADY_VOTED, n),
                Map.entry(PollRepository.Cast.NOT_ELIGIBLE, 2 * outsiders));
        assertThat(firstAccepted.keySet()).allMatch(m -> m <= n).hasSize(n);
        long[] expected = new long[3];
        firstAccepted.values().forEach(c -> expected[c - 1]++);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_participation WHERE poll_id = ?", Integer.class, pollId))
                .isEqualTo(n);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot WHERE poll_id = ?", Integer.class, pollId)).isEqualTo(n);
        PollResult result = PollResult.tally(poll, n, polls.ballots(pollId).values());
        assertThat(result.counts()).containsExactly(expected);
    }

    /**
     * A close racing 1,000 votes: the shared lock the vote statement takes on the poll row means each
     * vote is either wholly counted (participation and ballot) or refused as closed; none half-written,
     * none written after the close.
     */
    @Test
    void votesRacingACloseAreEachEitherWhollyCountedOrRefused() throws Exception {
        int n = 1000;
        Member chair = member("张建华", "C000", UnionRole.CHAIR);
        PollDraft d = new PollDraft("绩效方案表决", PollKind.RESOLUTION, List.of(), 1, 0, Electorate.all(), true,
                false, Visibility.AFTER_CLOSE, clock.instant().plus(Duration.ofDays(1)), null, null);
        Set<Long> electorate = new HashSet<>();
        for (long m = 1; m <= n; m++) {
            electorate.add(m);
        }
        long pollId = polls.create(d, electorate, chair.id(), clock.instant());
        Poll poll = polls.find(pollId).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        Map<PollRepository.Cast, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (long m = 1; m <= n; m++) {
                long member = m;
                futures.add(pool.submit(() -> {
                    start.await();
                    var cast = polls.cast(poll, member, Receipts.newBallotId(), new Choices(List.of(1)),
                            Receipts.hash(pollId, Receipts.newReceiptCode()), clock.instant());
                    outcomes.merge(cast, 1, Integer::sum);
                    return null;
                }));
                if (m == n / 3) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        Thread.sleep(20);
                        return polls.close(pollId, chair.id(), clock.instant());
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(polls.find(pollId).orElseThrow().isOpen()).isFalse();
        int recorded = outcomes.getOrDefault(PollRepository.Cast.RECORDED, 0);
        assertThat(outcomes.keySet()).isSubsetOf(PollRepository.Cast.RECORDED, PollRepository.Cast.CLOSED);
        assertThat(recorded + outcomes.getOrDefault(PollRepository.Cast.CLOSED, 0)).isEqualTo(n);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_participation WHERE poll_id = ?", Integer.class, pollId))
                .isEqualTo(recorded);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot WHERE poll_id = ?", Integer.class, pollId))
                .isEqualTo(recorded);
        // a vote after the close, with the poll as it was read before: refused, nothing written
        assertThat(polls.cast(poll, n + 1L, Receipts.newBallotId(), new Choices(List.of(1)),
                Receipts.hash(pollId, Receipts.newReceiptCode()), clock.instant())).isEqualTo(PollRepository.Cast.CLOSED);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot WHERE poll_id = ?", Integer.class, pollId))
                .isEqualTo(recorded);
    }

    /**
     * The vote statement re-checks in the database what the vote path read earlier (perhaps from the
     * cache): eligibility, openness, and the options the choices were checked against.
     */
    @Test
    void theVoteWriteRechecksEligibilityOpennessAndTheOptions() {
        Member chair = member("张建华", "C000", UnionRole.CHAIR);
        Member in = member("王芳", "T001");
        Member alsoIn = member("李明", "T002");
        Member out = member("赵强", "T003");
        PollDraft before = new PollDraft("春游去哪里", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                new Electorate(Electorate.Type.LIST, "T001,T002"), false, false, Visibility.LIVE,
                clock.instant().plus(Duration.ofDays(1)), null, null);
        Poll read = service.open(before, chair);
        Poll cachedEarlier = service.findForVote(read.id()).orElseThrow();

        // edited (another instance) before anyone voted: the old reading is stale, nothing is written
        PollDraft after = new PollDraft("春游去哪里", PollKind.SINGLE, List.of("黄山", "泰山", "庐山"), 1, 0,
                before.electorate(), false, false, Visibility.LIVE, before.deadline(), null, null);
        assertThat(polls.edit(read.id(), after, new java.util.LinkedHashSet<>(polls.electorate(read.id())), chair.id(),
                clock.instant())).isTrue();
        assertThat(polls.cast(read, in.id(), Receipts.newBallotId(), new Choices(List.of(2)), "h".repeat(64),
                clock.instant())).isEqualTo(PollRepository.Cast.STALE);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot", Integer.class)).isZero();
        // the service tells the voter it could not take the vote and forgets its cached copy
        assertThat(service.vote(cachedEarlier, in, new Choices(List.of(2)), null).outcome())
                .isEqualTo(VoteOutcome.CLOSED);
        Poll now = service.findForVote(read.id()).orElseThrow();
        assertThat(now.spec().options()).containsExactly("黄山", "泰山", "庐山");

        assertThat(service.vote(now, out, new Choices(List.of(1)), null).outcome()).isEqualTo(VoteOutcome.NOT_ELIGIBLE);
        assertThat(service.vote(now, in, new Choices(List.of(3)), null).outcome()).isEqualTo(VoteOutcome.RECORDED);
        assertThat(service.vote(now, in, new Choices(List.of(1)), null).outcome()).isEqualTo(VoteOutcome.ALREADY_VOTED);
        assertThat(polls.namedChoices(read.id())).containsExactly(Map.entry(in.id(), new Choices(List.of(3))));

        // closed by another instance: the cached poll still looks open, the database refuses
        assertThat(polls.close(read.id(), chair.id(), clock.instant())).isTrue();
        assertThat(service.vote(now, alsoIn, new Choices(List.of(1)), null).outcome()).isEqualTo(VoteOutcome.CLOSED);
        assertThat(service.findForVote(read.id()).orElseThrow().isOpen()).isFalse();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_participation", Integer.class)).isEqualTo(1);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ballot", Integer.class)).isEqualTo(1);
    }
}
