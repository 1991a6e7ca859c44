package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Member;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * Who sees a running tally: never anyone for a secret poll (a tally that moves right after "I just voted"
 * tells the choice), and for a named live poll only its electorate and the committee, never in a group chat
 * while it runs.
 */
class LiveResultsTest {
    final ConversationHarness harness = Roster.mixedSchool(ConversationHarness.create());
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final PollService service = new PollService(repo, harness.members, new RecordingScheduler(), harness.outbound,
            harness.messages, harness.clock);

    LiveResultsTest() {
        harness.withCommands(new VoteCommand(service, List.of()), new CreatePollCommand(service, harness.state),
                new ConfirmPollCommand(service, harness.state),
                new EditPollCommand(service, new PollEditor(service, null, null)),
                new PollAdminCommand(service, PollAdminCommand.Action.RESULT));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private Member member(String staffNo) {
        return harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private PollDraft draft(boolean secret, Visibility visibility, Electorate electorate) {
        return new PollDraft("评优", PollKind.SINGLE, List.of("甲", "乙"), 1, 0, electorate, secret, false, visibility,
                harness.clock.instant().plus(Duration.ofDays(2)), null, null);
    }

    @Test
    void theServiceRefusesToOpenOrEditASecretPollWithALiveTally() {
        assertThatThrownBy(() -> service.open(draft(true, Visibility.LIVE, Electorate.all()), member("C000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("无记名投票不能实时公布结果");
        assertThat(repo.recent(5)).isEmpty();

        Poll secret = service.open(draft(true, Visibility.AFTER_CLOSE, Electorate.all()), member("C000"));
        assertThatThrownBy(() -> service.edit(secret.id(), draft(true, Visibility.LIVE, Electorate.all()),
                member("C000"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.find(secret.id()).orElseThrow().spec().visibility()).isEqualTo(Visibility.AFTER_CLOSE);
        // a named poll may be live
        assertThat(service.open(draft(false, Visibility.LIVE, Electorate.all()), member("C000")).spec().visibility())
                .isEqualTo(Visibility.LIVE);
    }

    @Test
    void theChatFormAndTheEditAnswerWhyASecretPollIsNotLive() {
        var chair = harness.as("chair");
        String refused = chair.say("发起投票\n标题：评优\n类型：单选\n选项：甲、乙\n方式：无记名\n截止：2天\n结果：实时");
        assertThat(refused).contains("无记名投票不能实时公布结果", "暴露刚投票的人选了什么").doesNotContain("请核对");
        assertThat(chair.say("确认发起")).contains("没有待确认");
        assertThat(repo.recent(5)).isEmpty();
        assertThat(chair.say("发起投票\n标题：评优\n类型：单选\n选项：甲、乙\n方式：记名\n截止：2天\n结果：实时"))
                .contains("请核对", "结果：实时");

        Poll secret = service.open(draft(true, Visibility.AFTER_CLOSE, Electorate.all()), member("C000"));
        assertThat(chair.say("修改投票 #" + secret.id() + "\n结果：实时")).contains("无记名投票不能实时公布结果");
        assertThat(repo.find(secret.id()).orElseThrow().spec().visibility()).isEqualTo(Visibility.AFTER_CLOSE);
        assertThat(chair.say("修改投票 #" + secret.id() + "\n结果：仅委员")).contains("已修改", "结果：仅委员");
    }

    @Test
    void aSecretPollStoredAsLiveBeforeTheRuleShowsItsTallyOnlyAfterClose() {
        // as the database may still hold it: written before opening refused the combination
        long id = repo.create(draft(true, Visibility.LIVE, Electorate.all()),
                new LinkedHashSet<>(List.of(member("T001").id(), member("T002").id())), member("C000").id(),
                harness.clock.instant());
        assertThat(harness.as("t001").say("投 #" + id + " 1")).contains("已记录");
        String answer = harness.as("t002").say("投票结果 #" + id);
        assertThat(answer).contains("投票结束后公布").doesNotContain("当前计票", "甲：");
        assertThat(service.mayViewResult(repo.find(id).orElseThrow(), member("T002"))).isFalse();
        service.close(id, member("C000").id());
        assertThat(harness.as("t002").say("投票结果 #" + id)).contains("甲：1 票");
    }

    @Test
    void aLiveTallyIsForTheElectorateAndTheCommitteeAndNotForAGroupChatWhileThePollRuns() {
        Poll poll = service.open(draft(false, Visibility.LIVE, new Electorate(Electorate.Type.GROUP, "语文组")),
                member("C000"));
        assertThat(harness.as("t001").say("投 #" + poll.id() + " 1")).contains("已记录");
        String ask = "投票结果 #" + poll.id();

        // 孙伟 is neither in 语文组 nor on the committee: no tally, in a group or privately
        String outsiderInGroup = harness.as("t005").inGroup("g1").say(ask);
        assertThat(outsiderInGroup).contains("只向这次投票的投票人和工会委员公布").doesNotContain("当前计票", "甲：", "应投");
        assertThat(harness.as("t005").say(ask)).contains("只向这次投票的投票人和工会委员公布").doesNotContain("甲：");

        // an elector and a committee member see it privately
        assertThat(harness.as("t002").say(ask)).contains("当前计票", "1. 甲：1 票", "应投 2 人，实投 1 人");
        assertThat(harness.as("c001").say(ask)).contains("当前计票", "1. 甲：1 票");
        // but not in a group, which others read too
        assertThat(harness.as("t002").inGroup("g1").say(ask)).contains("私聊", ask).doesNotContain("甲：");
        assertThat(harness.as("c001").inGroup("g1").say(ask)).contains("私聊").doesNotContain("甲：");

        // once closed the result may be told in a group by an elector, still not to an outsider
        service.close(poll.id(), member("C000").id());
        assertThat(harness.as("t002").inGroup("g1").say(ask)).contains("1. 甲：1 票");
        assertThat(harness.as("t005").inGroup("g1").say(ask)).doesNotContain("甲：");
    }
}
