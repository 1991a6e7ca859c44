package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * Each kind of electorate, over a roster where every narrower electorate leaves somebody out
 * ({@link Roster#mixedSchool}): exactly its members may vote, everyone else is refused, and the electorate
 * is the one resolved when the poll opened — a member who gains the tag, group or role later is still
 * refused. A filter that let everyone through fails each of these tests at its refusals.
 */
class ElectorateTest {
    final ConversationHarness harness = Roster.mixedSchool(ConversationHarness.create());
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final PollService service = new PollService(repo, harness.members, new RecordingScheduler(), harness.outbound,
            harness.messages, harness.clock);

    ElectorateTest() {
        harness.withCommands(new VoteCommand(service, List.of()));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private Member member(String staffNo) {
        return harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private Set<Long> ids(String... staffNumbers) {
        return Stream.of(staffNumbers).map(s -> member(s).id()).collect(Collectors.toSet());
    }

    private Poll open(Electorate electorate) {
        return service.open(new PollDraft("谁能投票", PollKind.SINGLE, List.of("甲", "乙"), 1, 0, electorate, false,
                false, Visibility.AFTER_CLOSE, harness.clock.instant().plus(Duration.ofDays(2)), null, null),
                member("C000"));
    }

    /** A vote in a private chat, by the member's web id (the staff number in lower case; the chair's is chair). */
    private String vote(Poll poll, String staffNo) {
        String webId = staffNo.equals("C000") ? "chair" : staffNo.toLowerCase(java.util.Locale.ROOT);
        return harness.as(webId).say("投 #" + poll.id() + " 1");
    }

    private void assertRecorded(Poll poll, String... staffNumbers) {
        for (String staffNo : staffNumbers) {
            assertThat(vote(poll, staffNo)).as(staffNo).contains("已记录");
        }
    }

    private void assertRefused(Poll poll, String... staffNumbers) {
        for (String staffNo : staffNumbers) {
            assertThat(vote(poll, staffNo)).as(staffNo).contains("投票人名单里没有您").doesNotContain("已记录");
        }
    }

    /** The member as the roster says after a change: another group, roles or tags. */
    private void change(String staffNo, String group, Set<UnionRole> roles, Set<String> tags) {
        Member m = member(staffNo);
        harness.members.save(new MemberDraft(m.name(), m.staffNo(), m.gender(), m.birthday(), m.status(),
                m.joinDate(), m.phoneTail(), group, roles, tags));
    }

    @Test
    void everyoneMeansEveryActiveMemberAtTheOpening() {
        Poll poll = open(Electorate.all());
        assertThat(Set.copyOf(repo.electorate(poll.id())))
                .isEqualTo(ids("C000", "C001", "T001", "T002", "T003", "T005", "T006"));
        assertRecorded(poll, "T005", "T006", "T001");
        assertRefused(poll, "T007"); // retired
        harness.addMember(Roster.member("新老师", "T009", "数学组"), "t009");
        assertRefused(poll, "T009"); // joined after the opening
        assertThat(repo.voters(poll.id())).isEqualTo(ids("T005", "T006", "T001"));
        assertThat(service.result(poll.id()).counts()).containsExactly(3, 0);
    }

    @Test
    void aTagElectorateIsOnlyTheMembersWithThatTag() {
        Poll poll = open(new Electorate(Electorate.Type.TAG, "女职工"));
        assertThat(Set.copyOf(repo.electorate(poll.id()))).isEqualTo(ids("C000", "C001", "T001", "T002", "T003"));
        assertRecorded(poll, "T001", "C001");
        assertRefused(poll, "T005", "T006", "T007");
        // tagged after the opening: still not in this poll's electorate
        change("T005", "体育组", Set.of(UnionRole.MEMBER), Set.of("女职工"));
        assertThat(member("T005").tags()).contains("女职工");
        assertRefused(poll, "T005");
        assertThat(repo.voters(poll.id())).isEqualTo(ids("T001", "C001"));
        // a poll opened now does count the new tag: the refusal above was the snapshot, not the roster
        Poll later = open(new Electorate(Electorate.Type.TAG, "女职工"));
        assertRecorded(later, "T005");

        Poll other = open(new Electorate(Electorate.Type.TAG, "青年教师"));
        assertThat(repo.electorate(other.id())).containsExactly(member("T006").id());
        assertRecorded(other, "T006");
        assertRefused(other, "T001", "C000");
    }

    @Test
    void aGroupElectorateIsOnlyTheActiveMembersOfThatGroup() {
        Poll poll = open(new Electorate(Electorate.Type.GROUP, "语文组"));
        assertThat(Set.copyOf(repo.electorate(poll.id()))).isEqualTo(ids("T001", "T002"));
        assertRecorded(poll, "T002");
        assertRefused(poll, "T003", "T005", "C001", "T007");
        // moved into 语文组 after the opening: still not in this poll's electorate
        change("T003", "语文组", Set.of(UnionRole.MEMBER), Set.of("女职工"));
        assertThat(harness.members.findGroup(member("T003").groupId()).orElseThrow().name()).isEqualTo("语文组");
        assertRefused(poll, "T003");
        assertRecorded(poll, "T001");
        assertThat(repo.voters(poll.id())).isEqualTo(ids("T002", "T001"));
    }

    @Test
    void aDelegatesElectorateIsOnlyTheActiveCongressDelegates() {
        Poll poll = open(new Electorate(Electorate.Type.DELEGATES, ""));
        assertThat(Set.copyOf(repo.electorate(poll.id()))).isEqualTo(ids("C001", "T006"));
        assertRecorded(poll, "T006");
        assertRefused(poll, "C000", "T001", "T005", "T007");
        // elected a delegate after the opening: still not in this poll's electorate
        change("T001", "语文组", Set.of(UnionRole.MEMBER, UnionRole.DELEGATE), Set.of("女职工"));
        assertThat(member("T001").has(UnionRole.DELEGATE)).isTrue();
        assertRefused(poll, "T001");
        assertRecorded(poll, "C001");
        assertThat(repo.voters(poll.id())).isEqualTo(ids("T006", "C001"));
    }

    @Test
    void aListElectorateIsOnlyTheListedStaffNumbersThatExistAtTheOpening() {
        // separators and case as people type them; T008 is nobody yet
        Poll poll = open(new Electorate(Electorate.Type.LIST, "T001， t005、T008"));
        assertThat(Set.copyOf(repo.electorate(poll.id()))).isEqualTo(ids("T001", "T005"));
        assertRecorded(poll, "T005");
        assertRefused(poll, "T002", "T006", "C000");
        // T008 joins the roster after the opening: listed, but not in this poll's electorate
        harness.addMember(Roster.member("后来的老师", "T008", "语文组"), "t008");
        assertRefused(poll, "T008");
        assertRecorded(poll, "T001");
        assertThat(repo.voters(poll.id())).isEqualTo(ids("T005", "T001"));
    }
}
