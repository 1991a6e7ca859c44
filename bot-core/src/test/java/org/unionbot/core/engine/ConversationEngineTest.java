package org.unionbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.ConversationKind;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

class ConversationEngineTest {
    private ConversationHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private ConversationHarness school(Command... extra) {
        harness = Roster.smallSchool(ConversationHarness.create().withCommands(extra));
        return harness;
    }

    @Test
    void helpListsOnlyWhatTheMemberMayRun() {
        school(command("审批", Privilege.COMMITTEE, Locality.ANY, "批了"));
        String memberHelp = harness.as("t001").say("帮助");
        assertThat(memberHelp).contains("我能帮您做这些事", "我是谁", "绑定").doesNotContain("审批");
        assertThat(harness.as("c001").say("帮助")).doesNotContain("审批").contains("2 项管理功能", "帮助 管理");
        assertThat(harness.as("c001").say("帮助 管理")).contains("管理功能", "审批（测试）").doesNotContain("我是谁");
        assertThat(harness.as("t001").say("帮助 管理")).doesNotContain("审批");
    }

    @Test
    void helpInAGroupLeavesOutPrivateCommands() {
        school();
        String help = harness.as("t001").inGroup("g1").say("help");
        assertThat(help).contains("帮助").doesNotContain("我是谁");
    }

    @Test
    void whoAmIShowsTheMembersOwnRecord() {
        school();
        String me = harness.as("t001").say("我是谁");
        assertThat(me).contains("王芳", "T001", "在职", "语文组", "组长：赵丽", "会员", "女职工", "网页");
        assertThat(me).doesNotContain("张建华", "李明");
    }

    @Test
    void personalDataIsNeverSaidInAGroup() {
        school();
        String reply = harness.as("t001").inGroup("g1").say("我是谁");
        assertThat(reply).contains("请私聊").doesNotContain("T001");
    }

    @Test
    void unboundSenderGetsTheBindingGuideNotData() {
        school();
        String reply = harness.as("stranger").say("我是谁");
        assertThat(reply).contains("还没有和工会会员信息绑定", "绑定").doesNotContain("王芳", "T001");
    }

    @Test
    void committeeCommandIsRefusedToAnOrdinaryMemberWithTheReason() {
        school(command("审批", Privilege.COMMITTEE, Locality.ANY, "批了"));
        assertThat(harness.as("t001").say("审批")).contains("仅限工会委员");
        assertThat(harness.as("chair").say("审批")).isEqualTo("批了");
    }

    @Test
    void unknownTextGetsAnHonestAnswerNamingTheChair() {
        school();
        assertThat(harness.as("t001").say("今天天气怎么样")).contains("答不上来", "帮助", "张建华");
    }

    @Test
    void aRetriedPlatformMessageRunsOnce() {
        int[] runs = {0};
        school(new Command() {
            private final CommandSpec spec = new CommandSpec("计数", List.of(), null, "计数", Privilege.PUBLIC, Locality.ANY);

            public CommandSpec spec() {
                return spec;
            }

            public Reply execute(CommandContext context) {
                runs[0]++;
                return Reply.text("第" + runs[0] + "次");
            }
        });
        var speaker = harness.as(Platform.WECOM, "zhangsan");
        assertThat(speaker.send("计数", "MSG-1")).isInstanceOf(Reply.Say.class);
        assertThat(speaker.send("计数", "MSG-1")).isInstanceOf(Reply.Silent.class);
        assertThat(speaker.send("计数", "MSG-2")).isInstanceOf(Reply.Say.class);
        assertThat(runs[0]).isEqualTo(2);
        // message ids are numbered per account: another sender's MSG-1 is a different message
        assertThat(harness.as(Platform.WECOM, "lisi").send("计数", "MSG-1")).isInstanceOf(Reply.Say.class);
        assertThat(runs[0]).isEqualTo(3);
    }

    @Test
    void webMessagesWithoutAnIdAreNeverTakenForRetries() {
        school();
        assertThat(harness.as("t001").say("帮助")).isEqualTo(harness.as("t001").say("帮助"));
    }

    @Test
    void aFailingHandlerIsAnsweredPolitelyAndTheEngineKeepsWorking() {
        school(new Command() {
            private final CommandSpec spec = new CommandSpec("坏了", List.of(), null, "坏", Privilege.PUBLIC, Locality.ANY);

            public CommandSpec spec() {
                return spec;
            }

            public Reply execute(CommandContext context) {
                throw new IllegalStateException("boom with secret body");
            }
        });
        String reply = harness.as("t001").say("坏了");
        assertThat(reply).contains("抱歉").doesNotContain("boom", "Exception");
        assertThat(harness.as("t001").say("帮助")).contains("我能帮您做这些事");
    }

    @Test
    void aSlowAnswerIsDeferredAndDeliveredThroughTheOutboundPort() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        harness = Roster.smallSchool(ConversationHarness.create()
                .withSettings(new EngineSettings(Duration.ofMillis(100), 4, 10))
                .withCommands(new Command() {
                    private final CommandSpec spec = new CommandSpec("慢", List.of(), null, "慢", Privilege.MEMBER, Locality.ANY);

                    public CommandSpec spec() {
                        return spec;
                    }

                    public Reply execute(CommandContext context) {
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Reply.text("慢慢来的答案");
                    }
                }));
        long started = System.nanoTime();
        Reply reply = harness.as(Platform.WECHAT_MP, "openid-1").inGroup("g").send("慢");
        // unbound in WeChat: refused at once with the guide, not deferred
        assertThat(reply).isInstanceOf(Reply.Say.class);
        reply = harness.as("t001").send("慢");
        assertThat(reply).isInstanceOf(Reply.Deferred.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(harness.outbound.sent()).isEmpty();
        release.countDown();
        long deadline = System.currentTimeMillis() + 5_000;
        while (harness.outbound.sent().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(harness.outbound.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.reply().text()).isEqualTo("慢慢来的答案");
            assertThat(sent.recipient().platformUserId()).isEqualTo("t001");
            assertThat(sent.recipient().conversation().kind()).isEqualTo(ConversationKind.PRIVATE);
        });
    }

    @Test
    void emptyAndHostileTextAreAnsweredSafely() {
        school();
        assertThat(harness.as("t001").say("   ")).contains("请发送文字消息");
        assertThat(harness.as("t001").say("'; DROP TABLE member; -- 🌸")).contains("答不上来");
        assertThat(harness.as("t001").say("<script>alert(1)</script>")).doesNotContain("<script>");
    }

    private static Command command(String name, Privilege privilege, Locality locality, String answer) {
        CommandSpec spec = new CommandSpec(name, List.of(), null, name + "（测试）", privilege, locality);
        return new Command() {
            public CommandSpec spec() {
                return spec;
            }

            public Reply execute(CommandContext context) {
                return Reply.text(answer);
            }
        };
    }
}
