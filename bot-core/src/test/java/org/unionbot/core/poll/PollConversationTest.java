package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.command.BareNumberClaimant;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/** Polls through the conversation engine: creation, every kind, eligibility, privacy, retries, closing. */
class PollConversationTest {
    final ConversationHarness harness = ConversationHarness.create();
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final RecordingScheduler scheduler = new RecordingScheduler();
    final PollService service = new PollService(repo, harness.members, scheduler, harness.outbound, harness.messages,
            harness.clock);
    BareNumberClaimant claimant = context -> Optional.empty();

    PollConversationTest() {
        Roster.smallSchool(harness);
        harness.addMember(Roster.member("钱老师", "T003", "数学组"), "t003");
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private ConversationHarness started() {
        harness.withCommands(new VoteCommand(service, List.of(context -> claimant.claim(context))),
                new CreatePollCommand(service, harness.state), new ConfirmPollCommand(service, harness.state));
        for (PollAdminCommand.Action a : PollAdminCommand.Action.values()) {
            harness.withCommands(new PollAdminCommand(service, a));
        }
        return harness;
    }

    private Member member(String staffNo) {
        return harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private Poll open(PollKind kind, boolean secret, boolean allowChange, List<String> options, int max,
                      Electorate electorate, Rules.Quorum quorum, Rules.Threshold threshold) {
        // a secret poll never shows its tally live (see PollDraft#liveTallyOfSecretBallot)
        PollDraft d = new PollDraft("测试投票", kind, options, max, kind == PollKind.RATING ? 5 : 0, electorate, secret,
                allowChange, secret ? Visibility.AFTER_CLOSE : Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(2)), quorum, threshold);
        return service.open(d, member("C000"));
    }

    private Poll open(PollKind kind, boolean secret, List<String> options, int max) {
        return open(kind, secret, false, options, max, Electorate.all(), null, null);
    }

    private static String receipt(String reply) {
        Matcher m = Pattern.compile("回执码：([A-Z2-9]{4}-[A-Z2-9]{4})").matcher(reply);
        assertThat(m.find()).as("receipt in: %s", reply).isTrue();
        return m.group(1);
    }

    @Test
    void aCommitteeMemberCreatesAPollThroughTheFormPreviewAndConfirm() {
        started();
        assertThat(harness.as("chair").say("发起投票")).contains("标题：", "类型：", "截止：");
        String preview = harness.as("chair").say("""
                发起投票
                标题：春游去哪里
                类型：单选
                选项：
                1. 苏州
                2. 杭州
                3. 黄山
                投票人：小组 语文组
                方式：记名
                截止：3天
                通过：投票过半数""");
        assertThat(preview).contains("春游去哪里", "1. 苏州", "3. 黄山", "投票人共 2 人", "确认发起", "通过：投票过半数");
        assertThat(repo.recent(5)).as("nothing opens before the confirmation").isEmpty();
        assertThat(harness.as("chair").say("确认发起")).contains("#1", "春游去哪里", "投票人 2 人");
        Poll poll = repo.find(1).orElseThrow();
        assertThat(poll.spec().deadline()).isEqualTo(harness.clock.instant().plus(Duration.ofDays(3)));
        assertThat(poll.spec().threshold()).isEqualTo(new Rules.Threshold(1, 2, Rules.Basis.CAST, true));
        assertThat(scheduler.once).containsEntry(PollService.closeKey(1), poll.spec().deadline());
        assertThat(harness.as("chair").say("确认发起")).contains("没有待确认");
        assertThat(harness.as("t001").say("投票")).contains("春游去哪里", "1. 苏州", "请回复一个序号");
        assertThat(harness.as("t003").say("投票")).contains("没有可以参加的投票");
        assertThat(repo.auditTrail(1)).extracting(AuditEntry::action).containsExactly("created");
    }

    @Test
    void theFormRefusesMistakesAndOnlyTheCommitteeMayCreate() {
        started();
        assertThat(harness.as("chair").say("发起投票\n标题：x\n类型：单选\n选项：a、b\n方式：记名\n截止：昨天"))
                .contains("「截止」应写成");
        assertThat(harness.as("chair").say("发起投票\n标题：x\n类型：多选5\n选项：a、b\n方式：记名\n截止：2天"))
                .contains("选项数量");
        assertThat(harness.as("chair").say("发起投票\n标题：x\n类型：单选\n选项：a、b\n投票人：标签 不存在\n方式：记名\n截止：2天"))
                .contains("找不到任何在职会员");
        assertThat(harness.as("t001").say("发起投票")).contains("仅限工会委员");
        assertThat(harness.as("chair").inGroup("g1").say("发起投票")).contains("请私聊");
        assertThat(harness.as("chair").say("发起投票\n标题：x\n类型：表决\n方式：无记名\n截止：2天")).contains("投票人共 5 人");
        assertThat(harness.as("chair").say("取消发起")).contains("已放弃");
        assertThat(repo.recent(5)).isEmpty();
    }

    @Test
    void singleChoiceByBareNumberAndOneVotePerMember() {
        started();
        Poll poll = open(PollKind.SINGLE, false, List.of("苏州", "杭州", "黄山"), 1);
        assertThat(harness.as("t001").say("2")).contains("已记录", "2.杭州", "回执码");
        assertThat(harness.as("t001").say("3")).contains("已经在「测试投票」中投过票", "不能改票");
        assertThat(harness.as("t002").say("投 1")).contains("1.苏州");
        assertThat(harness.as("c001").say("投票 ４")).contains("没看懂");
        assertThat(service.result(poll.id()).counts()).containsExactly(1, 1, 0);
    }

    @Test
    void multipleChoiceAndElectionHonourTheMaximum() {
        started();
        Poll multi = open(PollKind.MULTIPLE, false, List.of("a", "b", "c", "d"), 2);
        assertThat(harness.as("t001").say("选 1,3")).contains("1.a、3.c");
        assertThat(harness.as("t002").say("选 1,2,3")).contains("没看懂", "最多选 2 项");
        assertThat(harness.as("t002").say("选 3、4")).contains("3.c、4.d");
        assertThat(service.result(multi.id()).counts()).containsExactly(1, 0, 2, 1);
        service.close(multi.id(), member("C000").id());

        Poll election = open(PollKind.ELECTION, true, List.of("张三", "李四", "王五"), 2);
        harness.as("t001").say("选 1 2");
        harness.as("t002").say("选 1 3");
        harness.as("t003").say("选 1 2");
        harness.as("c001").say("选 3");
        PollResult result = service.close(election.id(), member("C000").id()).orElseThrow();
        assertThat(result.counts()).containsExactly(3, 2, 2);
        assertThat(result.winners()).as("tie at the last seat leaves it empty").containsExactly(1);
        assertThat(service.renderResult(result)).contains("得票最多者当选", "结论：张三");
    }

    @Test
    void resolutionsPassOnlyWhenTheThresholdAndQuorumAreMet() {
        started();
        Poll poll = open(PollKind.RESOLUTION, true, false, List.of(), 1, Electorate.all(), new Rules.Quorum(2, 3),
                new Rules.Threshold(1, 2, Rules.Basis.ELECTORATE, true));
        harness.as("t001").say("赞成");
        harness.as("t002").say("赞成");
        harness.as("t003").say("反对");
        // 3 of 5 voted: quorum 2/3 not met (3*3 = 9 < 10)
        PollResult r = service.result(poll.id());
        assertThat(r.quorumMet()).isFalse();
        harness.as("c001").say("赞成");
        PollResult closed = service.close(poll.id(), member("C000").id()).orElseThrow();
        assertThat(closed.quorumMet()).isTrue();
        assertThat(closed.counts()).containsExactly(3, 1, 0);
        assertThat(closed.winners()).containsExactly(1);
        assertThat(service.renderResult(closed)).contains("应投 5 人，实投 4 人", "2/3——已达到",
                "得票须超过应投人数的 1/2", "结论：通过");

        Poll second = open(PollKind.RESOLUTION, false, false, List.of(), 1, Electorate.all(), new Rules.Quorum(2, 3),
                new Rules.Threshold(1, 2, Rules.Basis.ELECTORATE, true));
        harness.as("t001").say("投 #" + second.id() + " 赞成");
        harness.as("t002").say("投 #" + second.id() + " 赞成");
        harness.as("t003").say("投 #" + second.id() + " 弃权");
        harness.as("c001").say("投 #" + second.id() + " 反对");
        PollResult rejected = service.close(second.id(), member("C000").id()).orElseThrow();
        assertThat(rejected.winners()).as("2 of 5 is not more than half of the electorate").isEmpty();
        assertThat(service.renderResult(rejected)).contains("结论：未通过");

        Poll third = open(PollKind.RESOLUTION, false, false, List.of(), 1, Electorate.all(), new Rules.Quorum(2, 3), null);
        harness.as("t001").say("投 #" + third.id() + " 赞成");
        assertThat(service.renderResult(service.close(third.id(), 1).orElseThrow())).contains("未达到", "本次投票无效");
    }

    @Test
    void ratingScalesAverageEachPerson() {
        started();
        Poll poll = open(PollKind.RATING, true, List.of("校长", "副校长"), 1);
        assertThat(harness.as("t001").say("投 5 4")).contains("校长 5、副校长 4");
        assertThat(harness.as("t002").say("投 4 6")).contains("没看懂");
        assertThat(harness.as("t002").say("投 3 2")).contains("已记录");
        PollResult r = service.result(poll.id());
        assertThat(r.averages()).containsExactly(4.0, 3.0);
        assertThat(service.renderResult(r)).contains("校长：平均 4.00 分（满分 5）");
    }

    @Test
    void onlyTheFixedElectorateMayVote() {
        started();
        Poll poll = open(PollKind.SINGLE, false, false, List.of("a", "b"), 1,
                new Electorate(Electorate.Type.GROUP, "语文组"), null, null);
        assertThat(repo.electorate(poll.id())).containsExactlyInAnyOrder(member("T001").id(), member("T002").id());
        assertThat(harness.as("t003").say("投 #" + poll.id() + " 1")).contains("投票人名单里没有您");
        assertThat(harness.as("t003").say("1")).contains("没有可以参加的投票");
        // joining the group after the poll opened changes nothing
        harness.addMember(Roster.member("新老师", "T009", "语文组"), "t009");
        assertThat(harness.as("t009").say("1")).contains("没有可以参加的投票");
        assertThat(harness.as("t001").say("1")).contains("已记录");
    }

    @Test
    void aSecretBallotIsNeverTakenInAGroupAndTheRefusalRevealsNothing() {
        started();
        Poll poll = open(PollKind.SINGLE, true, List.of("a", "b"), 1);
        String refusal = harness.as("t001").inGroup("g1").say("2");
        assertThat(refusal).contains("请私聊").doesNotContain("测试投票").doesNotContain("b");
        assertThat(harness.as("t001").inGroup("g1").say("投 #" + poll.id() + " 2")).isEqualTo(refusal);
        assertThat(repo.voters(poll.id())).isEmpty();
        assertThat(harness.as("t001").say("2")).contains("已记录");
        assertThat(harness.as("t001").inGroup("g1").say("2")).as("not even 'you voted already'").isEqualTo(refusal);

        Poll named = open(PollKind.SINGLE, false, List.of("x", "y"), 1);
        assertThat(harness.as("t002").inGroup("g1").say("投 #" + named.id() + " 2")).contains("已记录");
    }

    @Test
    void aRetriedPlatformMessageCountsOnceAndAnotherPlatformIsTheSameMember() {
        started();
        Poll poll = open(PollKind.SINGLE, true, List.of("a", "b"), 1);
        long t001 = member("T001").id();
        harness.members.bindIdentity(new PlatformIdentity(Platform.WECOM, "wx-t001", t001));
        var wecom = harness.as(Platform.WECOM, "wx-t001");
        Reply first = wecom.send("2", "msg-42");
        Reply retry = wecom.send("2", "msg-42");
        assertThat(first).isInstanceOf(Reply.Say.class);
        assertThat(retry).isInstanceOf(Reply.Silent.class);
        assertThat(harness.as("t001").say("1")).contains("已经在「测试投票」中投过票");
        assertThat(service.result(poll.id()).counts()).containsExactly(0, 1);
        assertThat(repo.voters(poll.id())).containsExactly(t001);
    }

    @Test
    void aPollEditedElsewhereAfterThisInstanceReadItTakesTheVoteAgainstItsNewOptions() {
        started();
        Poll poll = open(PollKind.SINGLE, false, List.of("苏州", "杭州"), 1);
        // the ballot is shown: this instance now holds the poll in the vote path's cache
        assertThat(harness.as("t001").say("投票 #" + poll.id())).contains("苏州", "杭州");
        // another instance edits it (no vote yet), bypassing this instance's service and its cache
        assertThat(repo.edit(poll.id(), new PollDraft("测试投票", PollKind.SINGLE, List.of("黄山", "泰山"), 1, 0,
                Electorate.all(), false, false, Visibility.LIVE, poll.spec().deadline(), null, null),
                new java.util.LinkedHashSet<>(repo.electorate(poll.id())), member("C000").id(),
                harness.clock.instant())).isTrue();
        assertThat(harness.as("t001").say("投 #" + poll.id() + " 2")).contains("已记录", "2.泰山");
        assertThat(repo.namedChoices(poll.id())).containsExactly(java.util.Map.entry(member("T001").id(),
                new Choices(List.of(2))));
    }

    @Test
    void aVoteAfterAnotherInstanceClosedThePollIsRefusedAndNothingIsCounted() {
        started();
        Poll poll = open(PollKind.SINGLE, true, List.of("苏州", "杭州"), 1);
        assertThat(harness.as("t001").say("投 #" + poll.id() + " 1")).contains("已记录");
        assertThat(repo.close(poll.id(), member("C000").id(), harness.clock.instant())).isTrue();
        assertThat(harness.as("t003").say("投 #" + poll.id() + " 2")).contains("已经结束投票");
        assertThat(repo.voters(poll.id())).containsExactly(member("T001").id());
        assertThat(service.result(poll.id()).counts()).containsExactly(1, 0);
    }

    @Test
    void votesChangeUntilCloseWhenAllowedSecretOnesOnlyWithTheReceipt() {
        started();
        Poll named = open(PollKind.SINGLE, false, true, List.of("a", "b"), 1, Electorate.all(), null, null);
        harness.as("t001").say("1");
        assertThat(harness.as("t001").say("改票 2")).contains("已将您", "改为：2.b");
        assertThat(repo.namedChoices(named.id())).containsValue(new Choices(List.of(2)));
        service.close(named.id(), 1);

        Poll secret = open(PollKind.SINGLE, true, true, List.of("a", "b"), 1, Electorate.all(), null, null);
        String code = receipt(harness.as("t001").say("1"));
        assertThat(harness.as("t001").say("2")).contains("附上投票时收到的回执码");
        assertThat(harness.as("t002").say("2 " + code)).as("another member's code is useless to a non-voter")
                .contains("已记录");
        assertThat(harness.as("t001").say("投 2 " + code.toLowerCase())).contains("改为：2.b");
        assertThat(service.result(secret.id()).counts()).containsExactly(0, 2);
        harness.clock.advance(Duration.ofDays(3));
        assertThat(harness.as("t001").say("投 1 " + code)).contains("已经结束");
    }

    @Test
    void theDeadlineTaskClosesOnceAndAnnouncesTheResult() {
        started();
        Poll poll = open(PollKind.SINGLE, false, List.of("a", "b"), 1);
        harness.as("t001").say("1");
        Instant deadline = scheduler.once.get(PollService.closeKey(poll.id()));
        harness.clock.advance(Duration.between(harness.clock.instant(), deadline.plusSeconds(3600))); // the service was down at the deadline
        PollCloseTask task = new PollCloseTask(service);
        task.run(String.valueOf(poll.id()), deadline);
        task.run(String.valueOf(poll.id()), deadline);
        assertThat(repo.find(poll.id()).orElseThrow().isOpen()).isFalse();
        assertThat(repo.auditTrail(poll.id())).extracting(a -> a.action() + ":" + a.memberId())
                .containsExactly("created:" + member("C000").id(), "closed:0");
        // announced once to each of the 5 electors (the creator is one of them)
        assertThat(harness.outbound.sent()).hasSize(5)
                .allSatisfy(s -> assertThat(s.reply().text()).contains("结果", "结论：a"));
        assertThat(harness.as("chair").say("结束投票 #" + poll.id())).contains("已经结束");
    }

    @Test
    void turnoutNamesNonVotersOfNamedPollsAndOnlyCountsSecretOnesAndNudgesPrivately() {
        started();
        Poll named = open(PollKind.SINGLE, false, List.of("a", "b"), 1);
        harness.as("t001").say("1");
        String turnout = harness.as("chair").say("还有谁没投票");
        assertThat(turnout).contains("已投 1 人", "应投 5 人", "赵丽", "钱老师", "张建华").doesNotContain("王芳");
        assertThat(harness.as("t001").say("还有谁没投票")).contains("仅限工会委员");
        service.close(named.id(), 1);

        Poll secret = open(PollKind.SINGLE, true, List.of("a", "b"), 1);
        harness.as("t001").say("2");
        harness.as("t002").say("1");
        String secretTurnout = harness.as("chair").say("还有谁没投票 #" + secret.id());
        assertThat(secretTurnout).contains("已投 2 人", "还有 3 人未投", "不公开").doesNotContain("钱老师")
                .doesNotContain("王芳");
        int before = harness.outbound.sent().size();
        assertThat(harness.as("chair").say("提醒投票")).contains("3 位");
        var nudges = harness.outbound.sent().subList(before, harness.outbound.sent().size());
        assertThat(nudges).extracting(s -> s.recipient().platformUserId()).containsExactlyInAnyOrder("chair", "c001", "t003");
        assertThat(nudges).allSatisfy(s -> {
            assertThat(s.recipient().conversation().isGroup()).isFalse();
            assertThat(s.reply().text()).contains("还没有投票");
        });
        assertThat(repo.auditTrail(secret.id())).extracting(AuditEntry::action).contains("nudged");
    }

    @Test
    void aPollIsNudgedAtMostOnceInTenMinutesFromAnyCommitteeMemberAndNeverOnceClosed() {
        started();
        Poll poll = open(PollKind.SINGLE, false, List.of("a", "b"), 1);
        harness.as("t001").say("1");
        int before = harness.outbound.sent().size();
        assertThat(harness.as("chair").say("提醒投票 #" + poll.id())).contains("4 位");
        int afterFirst = harness.outbound.sent().size();
        assertThat(afterFirst - before).isEqualTo(4);

        // another committee member, nine minutes later: refused, with when it was done and when it may be again
        harness.clock.advance(Duration.ofMinutes(9));
        assertThat(harness.as("c001").say("提醒投票 #" + poll.id()))
                .contains("刚提醒过", "10 分钟内只提醒一次", "09:00", "09:10").doesNotContain("位还没投票");
        assertThat(service.nudge(poll.id(), member("C000").id())).isInstanceOf(PollService.Nudge.TooSoon.class);
        assertThat(harness.outbound.sent()).hasSize(afterFirst);
        assertThat(repo.auditTrail(poll.id())).filteredOn(a -> a.action().equals("nudged")).hasSize(1);

        // ten minutes after the first: reminded again, only those who still have not voted
        harness.clock.advance(Duration.ofMinutes(1));
        harness.as("t002").say("2");
        int beforeSecond = harness.outbound.sent().size();
        assertThat(service.nudge(poll.id(), member("C001").id())).isEqualTo(new PollService.Nudge.Sent(3));
        assertThat(harness.outbound.sent().subList(beforeSecond, harness.outbound.sent().size()))
                .extracting(s -> s.recipient().platformUserId()).containsExactlyInAnyOrder("chair", "c001", "t003");
        assertThat(repo.auditTrail(poll.id())).filteredOn(a -> a.action().equals("nudged"))
                .extracting(AuditEntry::memberId).containsExactly(member("C000").id(), member("C001").id());

        service.close(poll.id(), member("C000").id());
        harness.clock.advance(Duration.ofHours(1));
        int afterClose = harness.outbound.sent().size();
        assertThat(service.nudge(poll.id(), member("C000").id())).isEqualTo(new PollService.Nudge.Closed());
        assertThat(harness.as("chair").say("提醒投票 #" + poll.id())).contains("已经结束");
        assertThat(harness.outbound.sent()).hasSize(afterClose);
    }

    @Test
    void remindersUseAPlatformsBallotCardWhereOneTakesTheMemberAndTextElsewhere() {
        started();
        Poll poll = open(PollKind.SINGLE, true, List.of("a", "b"), 1);
        harness.as("t001").say("2");
        harness.as("t002").say("1");
        List<String> carded = new java.util.ArrayList<>();
        PollBallotPresenter card = (voter, p) -> {
            if (voter.platformUserId().equals("c001")) {
                throw new IllegalStateException("card template rejected");
            }
            if (!voter.platformUserId().equals("t003")) {
                return false;
            }
            carded.add(voter.platformUserId() + "#" + p.id());
            return true;
        };
        PollService withCards = new PollService(repo, harness.members, scheduler, harness.outbound, harness.messages,
                harness.clock, () -> List.of(card));
        int before = harness.outbound.sent().size();

        assertThat(withCards.nudge(poll.id(), member("C000").id())).isEqualTo(new PollService.Nudge.Sent(3));
        assertThat(carded).containsExactly("t003#" + poll.id());
        // the failed card still leaves c001 the text reminder; voters get nothing
        assertThat(harness.outbound.sent().subList(before, harness.outbound.sent().size()))
                .extracting(s -> s.recipient().platformUserId()).containsExactlyInAnyOrder("chair", "c001");
    }

    @Test
    void aReceiptFindsTheBallotInThePublishedListAfterClose() {
        started();
        Poll poll = open(PollKind.SINGLE, true, List.of("a", "b"), 1);
        String reply = harness.as("t001").say("2");
        String code = receipt(reply);
        Matcher id = Pattern.compile("选票编号为 ([0-9a-f]{16})").matcher(reply);
        assertThat(id.find()).isTrue();
        assertThat(harness.as("t001").say("选票公示 #" + poll.id())).contains("还没结束");
        assertThat(harness.as("t001").say("查回执 #" + poll.id() + " " + code)).contains(id.group(1), "2.b");
        assertThat(harness.as("t001").say("查回执 #" + poll.id() + " AAAA-BBBB")).contains("没有与这个回执码对应的选票");
        service.close(poll.id(), 1);
        String list = harness.as("t002").say("选票公示 #" + poll.id());
        assertThat(list).contains("共 1 张", id.group(1) + "  2.b").doesNotContain("王芳");
    }

    @Test
    void severalOpenPollsAskWhichOneAndOtherFeaturesMayClaimBareNumbersFirst() {
        started();
        Poll a = open(PollKind.SINGLE, false, List.of("a", "b"), 1);
        Poll b = open(PollKind.SINGLE, false, List.of("c", "d"), 1);
        assertThat(harness.as("t001").say("1")).contains("请在选择前加上编号", "#" + a.id(), "#" + b.id());
        assertThat(harness.as("t001").say("投 #" + b.id() + " 1")).contains("1.c");
        claimant = context -> context.message().text().equals("3")
                ? Optional.of(Reply.text("知识库：您选的是第 3 条")) : Optional.empty();
        assertThat(harness.as("t001").say("3")).isEqualTo("知识库：您选的是第 3 条");
        assertThat(harness.as("t001").say("投 #" + a.id() + " 2")).contains("2.b");
    }

    @Test
    void resultsFollowTheirVisibility() {
        started();
        PollDraft d = new PollDraft("委员评议", PollKind.SINGLE, List.of("a", "b"), 1, 0, Electorate.all(), true, false,
                Visibility.AFTER_CLOSE, harness.clock.instant().plus(Duration.ofDays(1)), null, null);
        Poll poll = service.open(d, member("C000"));
        assertThat(harness.as("t001").say("投票结果 #" + poll.id())).contains("投票结束后公布");
        assertThat(harness.as("chair").say("投票结果 #" + poll.id())).contains("当前计票");
        service.close(poll.id(), 1);
        assertThat(harness.as("t001").say("投票结果 #" + poll.id())).contains("应投 5 人");
        PollDraft c = new PollDraft("仅委员", PollKind.SINGLE, List.of("a", "b"), 1, 0, Electorate.all(), true, false,
                Visibility.COMMITTEE, harness.clock.instant().plus(Duration.ofDays(1)), null, null);
        Poll committeeOnly = service.open(c, member("C000"));
        service.close(committeeOnly.id(), 1);
        assertThat(harness.as("t001").say("投票结果 #" + committeeOnly.id())).contains("只向工会委员公布");
        assertThat(harness.outbound.sent().stream().filter(s -> s.reply().text().contains("仅委员")))
                .extracting(s -> s.recipient().platformUserId()).containsExactlyInAnyOrder("chair", "c001");
    }

    @Test
    void editsAreAllowedOnlyUntilTheFirstVote() {
        started();
        Poll poll = open(PollKind.SINGLE, false, List.of("a", "b"), 1);
        PollDraft changed = new PollDraft("改后的标题", PollKind.SINGLE, List.of("a", "b", "c"), 1, 0, Electorate.all(), false,
                false, Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(5)), null, null);
        assertThat(service.edit(poll.id(), changed, member("C001"))).isTrue();
        harness.as("t001").say("3");
        assertThat(service.edit(poll.id(), changed, member("C001"))).isFalse();
        assertThat(repo.auditTrail(poll.id())).extracting(a -> a.action() + ":" + a.memberId())
                .containsExactly("created:" + member("C000").id(), "edited:" + member("C001").id());
        assertThat(member("C001").has(UnionRole.COMMITTEE)).isTrue();
    }
}
