package org.unionbot.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryUnansweredQuestions;
import org.unionbot.core.testing.Roster;

class KnowledgeConversationTest {
    private ConversationHarness harness;
    private KnowledgeBase knowledge;
    private final InMemoryKnowledgeRepository repository = new InMemoryKnowledgeRepository();
    private final InMemoryUnansweredQuestions unanswered = new InMemoryUnansweredQuestions();

    @TempDir
    Path schoolDir;

    @AfterEach
    void close() {
        harness.close();
    }

    private ConversationHarness school(Map<String, String> settings) {
        harness = ConversationHarness.create();
        knowledge = new KnowledgeBase(repository, harness.messages, schoolDir, settings,
                KnowledgeBase.Thresholds.DEFAULT);
        assertThat(knowledge.reload().applied()).isTrue();
        KnowledgeFallback fallback = new KnowledgeFallback(knowledge, harness.members, unanswered, harness.state,
                harness.outbound, harness.messages, harness.clock);
        harness.withFallback(fallback).withCommands(
                new UnansweredCommand(unanswered, harness.members, harness.messages, harness.clock.getZone()),
                new AnswerQuestionCommand(unanswered, knowledge, fallback, harness.members, harness.messages,
                        harness.clock),
                new ReloadKnowledgeCommand(knowledge, harness.messages));
        return Roster.smallSchool(harness);
    }

    private ConversationHarness school() {
        return school(Map.of());
    }

    private void write(String file, String yaml) throws IOException {
        Files.writeString(schoolDir.resolve(file), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void answersFromTheEntryCitingItsSourceAndSaysWhatTheSchoolHasNotSet() {
        school();
        Reply reply = harness.as("t001").send("工会会费每个月扣多少");
        assertThat(reply).isInstanceOf(Reply.Say.class);
        Content content = ((Reply.Say) reply).contents().get(0);
        assertThat(content).isInstanceOfSatisfying(Content.KnowledgeAnswer.class, answer -> {
            assertThat(answer.entryId()).isEqualTo("dues-amount");
            assertThat(answer.confidence()).isGreaterThan(0.5);
            assertThat(answer.text()).contains("本校会费标准：本校尚未设定，请咨询工会主席张建华老师", "【来源】《中国工会章程》")
                    .doesNotContain("${", "0.5%");
        });
    }

    @Test
    void configuredSettingsAreFilledIn() {
        school(Map.of("checkup.cycle", "每两年一次（逢双数年）", "checkup.time", "2026年11月中旬"));
        String answer = harness.as("t001").say("今年体检什么时候");
        assertThat(answer).contains("每两年一次（逢双数年）", "2026年11月中旬").doesNotContain("尚未设定");
    }

    @Test
    void traditionalCharactersAndTyposFindTheSameEntry() {
        school();
        assertThat(harness.as("t001").say("新教師如何加入工會")).contains("入会申请登记表");
        assertThat(harness.as("t001").say("工會會費每個月扣多少")).contains("本校会费标准");
        assertThat(harness.as("t001").say("会废每个月交多少钱")).as("a typo: offered first, not guessed")
                .contains("您是想问：", "1. 会费每月交多少、怎么交");
    }

    @Test
    void didYouMeanOffersNumberedChoicesAndTheNumberAnswers() {
        school();
        Reply reply = harness.as("t001").send("绩效方案教代会通过了吗");
        assertThat(((Reply.Say) reply).contents().get(0)).isInstanceOfSatisfying(Content.Choices.class, choices -> {
            assertThat(choices.prompt()).isEqualTo("您是想问：");
            assertThat(choices.options()).contains("绩效工资分配方案在哪看", "教代会是什么、审议哪些事");
            assertThat(choices.plainText()).contains("1. ", "2. ");
        });
        int index = ((Content.Choices) ((Reply.Say) reply).contents().get(0)).options().indexOf("绩效工资分配方案在哪看");

        assertThat(harness.as("t001").say("９")).contains("请回复 1 到");
        assertThat(harness.as("t001").say(String.valueOf(index + 1))).contains("绩效工资分配方案应经教代会审议通过");
        assertThat(knowledgeEntryOf(harness.as("t001").send("1"))).as("the choice is used up").isNull();
    }

    @Test
    void somethingElseThanANumberEndsTheChoiceAndIsAnsweredAsANewQuestion() {
        school();
        harness.as("t001").send("绩效方案教代会通过了吗");
        assertThat(knowledgeEntryOf(harness.as("t001").send("会费每个月交多少钱"))).isEqualTo("dues-amount");
        assertThat(harness.state.get(org.unionbot.core.state.StateKey.of(KnowledgeFallback.CHOICES_FLOW,
                org.unionbot.core.message.InboundMessage.privateText(Platform.WEB, "t001", "", null,
                        harness.clock.instant())))).isEmpty();
    }

    @Test
    void outOfScopeQuestionIsHandedOffLoggedAndTheCommitteeMemberNotified() {
        school();
        String reply = harness.as("t001").say("明天天气怎么样");
        assertThat(reply).contains("已转给工会委员张建华老师跟进", "问题编号 1");
        assertThat(unanswered.open(10)).singleElement().satisfies(q -> {
            assertThat(q.question()).isEqualTo("明天天气怎么样");
            assertThat(q.askerMemberId()).isEqualTo(harness.members.findByStaffNo("T001").orElseThrow().id());
            assertThat(q.assigneeMemberId()).isEqualTo(harness.members.findByStaffNo("C000").orElseThrow().id());
        });
        assertThat(harness.outbound.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient().platformUserId()).isEqualTo("chair");
            assertThat(sent.reply().text()).contains("待解答问题 1", "王芳老师问", "明天天气怎么样", "转为问答 1");
        });
    }

    @Test
    void aConfiguredContactFollowsUpInsteadOfTheChair() throws IOException {
        write("settings.yml", "contacts:\n  default: C001\n");
        school();
        assertThat(harness.as("t001").say("食堂今天中午吃什么")).contains("李明老师");
        assertThat(harness.outbound.sent()).singleElement()
                .satisfies(sent -> assertThat(sent.recipient().platformUserId()).isEqualTo("c001"));
        assertThat(harness.as("t001").say("体检在哪家医院")).contains("本校尚未设定，请咨询工会委员李明老师");
    }

    @Test
    void inAGroupOnlyConfidentAnswersAreSaid() {
        school();
        var inGroup = harness.as("t001").inGroup("g1");
        assertThat(knowledgeEntryOf(inGroup.send("会费每个月交多少钱"))).isEqualTo("dues-amount");
        assertThat(inGroup.send("明天天气怎么样")).isInstanceOf(Reply.Silent.class);
        assertThat(inGroup.send("绩效方案教代会通过了吗")).isInstanceOf(Reply.Silent.class);
        assertThat(unanswered.open(10)).as("nothing handed off from a group").isEmpty();
        assertThat(inGroup.say("我是不是教代会代表")).contains("请私聊").doesNotContain("王芳");
    }

    @Test
    void questionsAboutTheMembersOwnRecordAreAnsweredFromTheRoster() {
        school();
        assertThat(harness.as("c001").say("我是不是教代会代表")).contains("李明老师，您是本届教代会代表");
        assertThat(harness.as("t001").say("我是教代會代表嗎")).contains("目前不是教代会代表");
        assertThat(harness.as("t001").say("我在哪个工会小组")).contains("语文组");
        assertThat(harness.as("t001").say("我的组长是谁")).contains("组长是赵丽老师");
        assertThat(harness.as("t002").say("我的组长是谁")).contains("您就是「语文组」工会小组的组长");
    }

    @Test
    void anUnboundSenderIsGuidedToBindInsteadOfHandedOff() {
        school();
        assertThat(harness.as("stranger").say("明天天气怎么样")).contains("绑定");
        assertThat(harness.as("stranger").say("我在哪个工会小组")).contains("绑定").doesNotContain("语文组");
        assertThat(unanswered.open(10)).isEmpty();
    }

    @Test
    void committeeListsUnansweredQuestionsAndTurnsOneIntoAnEntry() {
        school();
        harness.as("t001").say("学校食堂可以加一个素食窗口吗");
        assertThat(harness.as("t001").say("未解答问题")).contains("仅限工会委员");

        assertThat(harness.as("c001").say("未解答问题")).contains("1. ", "王芳", "学校食堂可以加一个素食窗口吗", "张建华");
        String done = harness.as("c001").say("转为问答 1 食堂已开设素食窗口，在二楼东侧，每天中午供应。");
        assertThat(done).contains("问答 q-1", "已发给提问的老师");
        assertThat(harness.outbound.sent()).last().satisfies(sent -> {
            assertThat(sent.recipient().platformUserId()).isEqualTo("t001");
            assertThat(sent.reply().text()).contains("素食窗口，在二楼东侧", "李明");
        });

        assertThat(harness.as("t002").say("学校食堂可以加一个素食窗口吗"))
                .contains("二楼东侧", "【来源】工会委员李明老师答复");
        assertThat(repository.entries(KnowledgeEntry.ORIGIN_CHAT)).extracting(KnowledgeEntry::id).containsExactly("q-1");
        assertThat(harness.as("c001").say("未解答问题")).contains("目前没有待解答的问题");
        assertThat(harness.as("c001").say("转为问答 1 再答一次")).contains("已经答复过");
        assertThat(harness.as("c001").say("转为问答 abc")).contains("请这样发送");
    }

    @Test
    void aBrokenFileIsReportedLineByLineAndTheLastGoodKnowledgeStays() throws IOException {
        school();
        write("ours.yml", """
                entries:
                  - id: canteen
                    title: 食堂几点开饭
                    questions: [食堂几点开饭, 午饭几点]
                    answer: 午饭11:30开始。
                    source: 本校后勤通知
                """);
        assertThat(harness.as("chair").say("重新加载问答")).contains("问答已重新加载");
        assertThat(harness.as("t001").say("食堂几点开饭")).contains("午饭11:30开始");

        write("ours.yml", """
                entries:
                  - id: canteen
                    title: 食堂几点开饭
                    questions: [食堂几点开饭]
                    answer: 午饭12:00开始。
                  - id: Bad Id
                    title: x
                    questions: [x]
                    answer: x
                    source: x
                    colour: red
                """);
        String report = harness.as("chair").say("重新加载问答");
        assertThat(report).contains("这次没有加载", "ours.yml 第 2 行：问答 canteen 缺少 source",
                "ours.yml 第 11 行：问答里不认识的项「colour」");
        assertThat(harness.as("t001").say("食堂几点开饭")).as("last good knowledge").contains("午饭11:30开始");

        write("ours.yml", "entries:\n  - id: canteen\n    title: [unclosed\n");
        assertThat(harness.as("chair").say("重新加载问答")).contains("ours.yml 第 ", "YAML 格式错误");
        assertThat(harness.as("t001").say("食堂几点开饭")).contains("午饭11:30开始");
    }

    @Test
    void aSchoolFileReplacesOrSwitchesOffADefaultEntryAndAddsSynonyms() throws IOException {
        write("school.yml", """
                synonyms:
                  - [职工小家, 教工俱乐部]
                entries:
                  - id: dues-amount
                    title: 会费每月交多少、怎么交
                    questions: [会费每月交多少]
                    answer: 本校会费为基本工资的0.5%，每月从工资中代扣。
                    source: 本校工会会费收缴办法（2024年修订）
                    effective: 2024-09-01
                  - id: golden-idea
                    disabled: true
                """);
        school();
        assertThat(harness.as("t001").say("会费每月交多少")).contains("基本工资的0.5%", "（2024-09-01 起执行）");
        assertThat(knowledge.entry("golden-idea")).isEmpty();
        assertThat(knowledgeEntryOf(harness.as("t001").send("教工俱乐部几点开门"))).isEqualTo("staff-home");
    }

    private static String knowledgeEntryOf(Reply reply) {
        if (reply instanceof Reply.Say say && say.contents().get(0) instanceof Content.KnowledgeAnswer answer) {
            return answer.entryId();
        }
        return null;
    }
}
