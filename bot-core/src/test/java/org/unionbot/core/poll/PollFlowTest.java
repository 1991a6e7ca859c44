package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.GroupChannels;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.RecordingOutbound;
import org.unionbot.core.testing.Roster;

/**
 * Guided poll creation through the engine's flow hook, edits until the first vote, and announcements
 * of polls and results in the configured group chats.
 */
class PollFlowTest {
    final ConversationHarness harness = ConversationHarness.create();
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final RecordingScheduler scheduler = new RecordingScheduler();
    final PollService service = new PollService(repo, harness.members, scheduler, harness.outbound, harness.messages,
            harness.clock);
    final Map<Long, List<String>> channelStore = new HashMap<>();
    final PollChannelRepository channels = new PollChannelRepository() {
        @Override
        public synchronized void save(long pollId, List<String> names) {
            channelStore.put(pollId, List.copyOf(names));
        }

        @Override
        public synchronized List<String> channels(long pollId) {
            return channelStore.getOrDefault(pollId, List.of());
        }
    };
    final Recipient allStaff = new Recipient(Platform.DINGTALK, Conversation.group("robot:全体群"), "robot:全体群");
    final Recipient board = new Recipient(Platform.WEB, Conversation.group("公告栏"), "公告栏");
    final PollAnnouncer announcer = new PollAnnouncer(service, channels,
            new GroupChannels(new java.util.LinkedHashMap<>(Map.of("全体教职工群", allStaff, "工会公告栏", board))),
            harness.outbound);

    PollFlowTest() {
        Roster.smallSchool(harness);
        harness.addMember(Roster.member("钱老师", "T003", "数学组"), "t003");
        harness.withCommands(new VoteCommand(service, List.of()),
                new CreatePollCommand(service, harness.state, harness.flows, announcer),
                new ConfirmPollCommand(service, harness.state, announcer),
                new EditPollCommand(service, new PollEditor(service, channels, announcer)),
                new PollAdminCommand(service, PollAdminCommand.Action.CLOSE, announcer),
                new PollAdminCommand(service, PollAdminCommand.Action.RESULT));
    }

    @AfterEach
    void close() {
        harness.close();
    }

    private Member member(String staffNo) {
        return harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private List<RecordingOutbound.Sent> groupPosts() {
        List<RecordingOutbound.Sent> posts = new ArrayList<>();
        for (RecordingOutbound.Sent s : harness.outbound.sent()) {
            if (s.recipient().conversation().isGroup()) {
                posts.add(s);
            }
        }
        return posts;
    }

    @Test
    void aCommitteeMemberCreatesAPollStepByStepWithEachAnswerChecked() {
        var chair = harness.as("chair");
        assertThat(chair.say("发起投票")).contains("一步一步", "第 1 步", "题目");
        assertThat(chair.say("春游去哪里")).contains("第 2 步", "1. 单选");
        assertThat(chair.say("7")).contains("没看懂类型", "第 2 步");
        assertThat(chair.say("2")).contains("第 3 步", "选项");
        // "1" would be a vote outside the flow; here it is an (invalid) option list
        assertThat(chair.say("1")).contains("至少需要两个", "第 3 步");
        assertThat(chair.say("苏州、杭州、苏州")).contains("重复");
        assertThat(chair.say("苏州\n杭州\n黄山")).contains("最多可以选几项", "1 到 3");
        assertThat(chair.say("4")).contains("请回复 1 到 3 之间的数字");
        assertThat(chair.say("2")).contains("第 4 步", "谁可以投票");
        assertThat(chair.say("小组 不存在的组")).contains("找不到任何在职会员");
        assertThat(chair.say("标签 女职工")).contains("共有 5 位在职会员", "第 5 步");
        assertThat(chair.say("记名吧")).contains("请回复 1（无记名）或 2（记名）");
        // a secret ballot: the member is told at once that its results will not be live
        assertThat(chair.say("1")).contains("不会实时公布", "第 6 步", "截止");
        assertThat(chair.say("下周")).contains("截止时间请写成");
        assertThat(chair.say("2020-01-01 10:00")).contains("已经过了");
        assertThat(chair.say("3天")).contains("第 7 步", "全体教职工群", "工会公告栏");
        assertThat(chair.say("校长群")).contains("不在已配置的群里");
        String preview = chair.say("全体教职工群、工会公告栏");
        assertThat(preview).contains("请核对", "标题：春游去哪里", "类型：多选2", "1. 苏州", "3. 黄山",
                "投票人：标签 女职工", "方式：无记名", "截止：2026-09-04 09:00", "公告群：全体教职工群、工会公告栏",
                "投票人共 5 人", "回复「确认」", "「结果：仅委员」").doesNotContain("「结果：实时」");
        assertThat(repo.recent(5)).as("nothing is stored before the confirmation").isEmpty();
        // a live tally is refused for a secret ballot, with the reason, and the preview is kept
        assertThat(chair.say("结果：实时")).contains("无记名投票不能实时公布结果", "暴露刚投票的人选了什么", "回复「确认」");
        // optional fields can be changed on the preview
        assertThat(chair.say("结果：仅委员\n法定人数：2/3")).contains("结果：仅委员", "法定人数：2/3");
        assertThat(chair.say("结果：随便")).contains("「结果」应为", "回复「确认」");
        String opened = chair.say("确认");
        assertThat(opened).contains("#1", "春游去哪里", "投票人 5 人", "已在 全体教职工群、工会公告栏 公告（送达 2/2 个群）",
                "修改投票 #1");
        Poll poll = repo.find(1).orElseThrow();
        assertThat(poll.secret()).isTrue();
        assertThat(poll.spec().maxChoices()).isEqualTo(2);
        assertThat(poll.spec().visibility()).isEqualTo(Visibility.COMMITTEE);
        assertThat(poll.spec().quorum()).isEqualTo(new Rules.Quorum(2, 3));
        // the flow is over: a bare number is a vote again
        assertThat(harness.as("t001").say("选 1,3")).contains("已记录");
        assertThat(chair.say("1")).contains("已记录");
    }

    @Test
    void theGroupAnnouncementTellsHowToVotePrivatelyAndNeverAsksForAGroupReply() {
        var chair = harness.as("chair");
        chair.say("发起投票");
        chair.say("换届选举");
        chair.say("选举1");
        chair.say("张三、李四");
        chair.say("全体");
        chair.say("无记名");
        chair.say("2026-09-05 17:00");
        chair.say("全体教职工群");
        chair.say("确认");
        List<RecordingOutbound.Sent> posts = groupPosts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).recipient()).isEqualTo(allStaff);
        assertThat(posts.get(0).reply().text()).contains("【工会投票】#1「换届选举」", "无记名投票", "1. 张三", "2. 李四",
                "请私聊工会助手发送「投票」参加，不要在群里回复");
        // and a secret vote typed in that group is refused without revealing anything
        assertThat(harness.as("t001").inGroup("robot:全体群").say("投 1")).contains("私聊");
        assertThat(repo.voters(1)).isEmpty();
    }

    @Test
    void resultsGoToThePollsGroupsAfterCloseButCommitteeOnlyResultsDoNot() {
        Poll open = service.open(new PollDraft("午餐满意度", PollKind.SINGLE, List.of("满意", "不满意"), 1, 0,
                Electorate.all(), false, false, Visibility.AFTER_CLOSE, harness.clock.instant().plus(Duration.ofDays(1)),
                null, null), member("C000"));
        announcer.announceOpened(open, List.of("工会公告栏"));
        harness.as("t001").say("投 1");
        assertThat(harness.as("chair").say("结束投票 #" + open.id())).contains("满意");
        List<RecordingOutbound.Sent> posts = groupPosts();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).recipient()).isEqualTo(board);
        assertThat(posts.get(1).reply().text()).contains("【投票结果】", "午餐满意度", "1. 满意：1");

        Poll secretive = service.open(new PollDraft("评优", PollKind.SINGLE, List.of("甲", "乙"), 1, 0, Electorate.all(),
                true, false, Visibility.COMMITTEE, harness.clock.instant().plus(Duration.ofHours(1)), null, null),
                member("C000"));
        announcer.announceOpened(secretive, List.of("全体教职工群"));
        harness.clock.advance(Duration.ofHours(2));
        new PollCloseTask(service, announcer).run(String.valueOf(secretive.id()), harness.clock.instant());
        String last = groupPosts().get(groupPosts().size() - 1).reply().text();
        assertThat(last).contains("已结束", "结果由工会委员会公布").doesNotContain("甲：", "乙：");
    }

    @Test
    void aPlatformPresenterTakesTheGroupsItCanShowAndTheOthersGetTheText() {
        List<String> presented = new ArrayList<>();
        PollGroupPresenter cards = (group, poll) -> {
            if (group.platform() != Platform.WEB) {
                return false;
            }
            presented.add(group.conversation().id() + "#" + poll.id());
            return true;
        };
        PollGroupPresenter broken = (group, poll) -> {
            throw new IllegalStateException("card template missing");
        };
        PollAnnouncer withCards = new PollAnnouncer(service, channels,
                new GroupChannels(new java.util.LinkedHashMap<>(Map.of("全体教职工群", allStaff, "工会公告栏", board))),
                harness.outbound, List.of(broken, cards));
        Poll named = service.open(new PollDraft("春游", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                Electorate.all(), false, false, Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(1)),
                null, null), member("C000"));

        assertThat(withCards.announceOpened(named, List.of("全体教职工群", "工会公告栏"))).isEqualTo(2);
        assertThat(presented).containsExactly("公告栏#" + named.id());
        assertThat(groupPosts()).extracting(RecordingOutbound.Sent::recipient).containsExactly(allStaff);

        // a secret ballot is never offered to a presenter: every group gets the text saying how to vote privately
        Poll secret = service.open(new PollDraft("评优", PollKind.SINGLE, List.of("甲", "乙"), 1, 0, Electorate.all(),
                true, false, Visibility.AFTER_CLOSE, harness.clock.instant().plus(Duration.ofDays(1)), null, null),
                member("C000"));
        assertThat(withCards.announceOpened(secret, List.of("全体教职工群", "工会公告栏"))).isEqualTo(2);
        assertThat(presented).hasSize(1);
        assertThat(groupPosts()).hasSize(3);
    }

    @Test
    void thePollIsEditableUntilTheFirstVoteAndTheEditIsAudited() {
        Poll poll = service.open(new PollDraft("春游", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                new Electorate(Electorate.Type.GROUP, "语文组"), false, true, Visibility.LIVE,
                harness.clock.instant().plus(Duration.ofDays(1)), null, null), member("C001"));
        announcer.announceOpened(poll, List.of("全体教职工群"));
        var creator = harness.as("c001");
        assertThat(creator.say("修改投票")).contains("请这样发送");
        assertThat(creator.say("修改投票 #1")).contains("现在是这样的", "标题：春游", "1. 苏州");
        assertThat(harness.as("t001").say("修改投票 #1 截止：5天")).contains("仅限工会委员");
        assertThat(creator.say("修改投票 #1\n截止：昨天")).contains("「截止」应写成");
        // who votes and whether it is secret are fixed once open
        assertThat(creator.say("修改投票 #1\n投票人：全体")).contains("投票人和记名方式在投票开始后就固定了");
        assertThat(creator.say("修改投票 #1\n方式：无记名")).contains("投票人和记名方式在投票开始后就固定了");
        // a member who joins 语文组 after the opening does not slip in through an edit of the deadline
        harness.addMember(Roster.member("新老师", "T009", "语文组"), "t009");
        String edited = creator.say("修改投票 #1\n选项：苏州、杭州、黄山\n截止：2026-09-06 18:00");
        assertThat(edited).contains("已修改", "3. 黄山", "投票人：小组 语文组", "截止：2026-09-06 18:00", "投票人共 2 人");
        assertThat(repo.find(1).orElseThrow().spec().options()).containsExactly("苏州", "杭州", "黄山");
        assertThat(repo.electorate(1)).hasSize(2).doesNotContain(member("T009").id());
        assertThat(scheduler.once).containsEntry(PollService.closeKey(1), repo.find(1).orElseThrow().spec().deadline());
        assertThat(groupPosts().get(groupPosts().size() - 1).reply().text()).contains("【投票已修改】", "3. 黄山");
        assertThat(harness.as("t001").say("3")).contains("已记录");
        String refused = creator.say("修改投票 #1\n截止：7天");
        assertThat(refused).contains("已经有人投票，不能再修改", "结束投票 #1");
        // only the creator or the chair edits
        assertThat(repo.auditTrail(1)).extracting(AuditEntry::action).containsExactly("created", "edited");
        assertThat(repo.auditTrail(1)).extracting(AuditEntry::memberId)
                .containsExactly(member("C001").id(), member("C001").id());
    }

    @Test
    void onlyTheCreatorOrTheChairEditsAPoll() {
        Poll poll = service.open(new PollDraft("春游", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                Electorate.all(), false, true, Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(1)),
                null, null), member("C000"));
        assertThat(harness.as("c001").say("修改投票 #" + poll.id() + "\n标题：秋游")).contains("只能由发起人或工会主席修改");
        assertThat(harness.as("chair").say("修改投票 #" + poll.id() + "\n标题：秋游")).contains("已修改", "标题：秋游");
        assertThat(harness.as("chair").say("修改投票 #99\n标题：秋游")).contains("没有编号为 #99");
    }

    @Test
    void theOneMessageFormStaysAShortcutAndNamesItsGroups() {
        var chair = harness.as("chair");
        String preview = chair.say("""
                发起投票
                标题：食堂改进
                类型：表决
                投票人：全体
                方式：记名
                截止：2天
                公告群：工会公告栏""");
        assertThat(preview).contains("请核对", "公告群：工会公告栏");
        assertThat(chair.say("确认发起")).contains("已在 工会公告栏 公告");
        assertThat(groupPosts()).hasSize(1);
        assertThat(groupPosts().get(0).reply().text()).contains("食堂改进", "私聊工会助手发送「投票」");
    }

    @Test
    void aNonCommitteeMemberCannotStartTheFlowAndTheFlowTimesOut() {
        assertThat(harness.as("t001").say("发起投票")).contains("仅限工会委员");
        var chair = harness.as("chair");
        chair.say("发起投票");
        harness.clock.advance(Duration.ofMinutes(20));
        assertThat(chair.say("春游")).contains("「发起投票」超过 15 分钟没有回复");
        assertThat(repo.recent(5)).isEmpty();
    }
}
