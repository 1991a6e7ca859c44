package org.unionbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * The engine's flow hook, with a two-step test flow ("点菜" → dish → count) next to an ordinary command
 * ("回声") whose name the flow must be able to receive as plain text.
 */
class ConversationFlowTest {
    private ConversationHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    /** 点菜: asks for a dish, then a number of portions, then says the order. */
    static final class OrderFlow implements Command, ConversationFlow {
        private final PendingFlows flows;
        private final Privilege privilege;
        int resumed;

        OrderFlow(PendingFlows flows, Privilege privilege) {
            this.flows = flows;
            this.privilege = privilege;
        }

        @Override
        public CommandSpec spec() {
            return new CommandSpec("点菜", List.of(), "点菜", "点菜（测试）", privilege, Locality.PRIVATE);
        }

        @Override
        public Reply execute(CommandContext context) {
            return flows.start(context, this, "dish", Reply.text("想吃什么？"));
        }

        @Override
        public String flowName() {
            return "test.order";
        }

        @Override
        public String flowTitle() {
            return "点菜";
        }

        @Override
        public Privilege flowPrivilege() {
            return privilege;
        }

        @Override
        public FlowStep resume(FlowTurn turn) {
            resumed++;
            if (turn.text().equals("炸")) {
                throw new IllegalStateException("kitchen on fire");
            }
            if (turn.state().equals("dish")) {
                return FlowStep.ask("要几份？", "count|" + turn.text());
            }
            if (!turn.text().matches("\\d+")) {
                return FlowStep.ask("请回复数字，例如 2", turn.state());
            }
            return FlowStep.done("好的：" + turn.state().substring(6) + " × " + turn.text()
                    + "（" + turn.context().requireMember().name() + "）");
        }
    }

    private static Command echo() {
        return new Command() {
            @Override
            public CommandSpec spec() {
                return new CommandSpec("回声", List.of(), "回声 文字", "回声（测试）", Privilege.MEMBER, Locality.ANY);
            }

            @Override
            public Reply execute(CommandContext context) {
                return Reply.text("回声：" + context.arguments());
            }
        };
    }

    private OrderFlow school(Privilege privilege) {
        harness = ConversationHarness.create();
        OrderFlow flow = new OrderFlow(harness.flows, privilege);
        Roster.smallSchool(harness.withCommands(flow, echo()));
        return flow;
    }

    @Test
    void theFlowGetsTheNextMessagesBeforeCommandMatching() {
        school(Privilege.MEMBER);
        var me = harness.as("t001");
        assertThat(me.say("点菜")).isEqualTo("想吃什么？");
        // "回声" is a command name, yet inside the flow it is simply the answer
        assertThat(me.say("回声")).isEqualTo("要几份？");
        assertThat(me.say("很多")).isEqualTo("请回复数字，例如 2");
        assertThat(me.say("2")).isEqualTo("好的：回声 × 2（王芳）");
        // the flow is over: commands match again
        assertThat(me.say("回声 你好")).isEqualTo("回声：你好");
    }

    @Test
    void flowsBelongToOneMemberAndOneConversation() {
        school(Privilege.MEMBER);
        harness.as("t001").say("点菜");
        assertThat(harness.as("t002").say("回声 我")).isEqualTo("回声：我");
        // the same member in a group is not inside the private flow
        assertThat(harness.as("t001").inGroup("g1").say("回声 群里")).isEqualTo("回声：群里");
        assertThat(harness.as("t001").say("面条")).isEqualTo("要几份？");
    }

    @Test
    void escapeWordsLeaveTheFlow() {
        OrderFlow flow = school(Privilege.MEMBER);
        var me = harness.as("t001");
        me.say("点菜");
        assertThat(me.say("取消。")).isEqualTo("已退出「点菜」，没有保存任何内容。");
        assertThat(me.say("回声 好")).isEqualTo("回声：好");
        me.say("点菜");
        assertThat(me.say("退出")).contains("已退出「点菜」");
        assertThat(flow.resumed).isZero();
    }

    @Test
    void helpShowsTheHelpAndKeepsTheFlow() {
        school(Privilege.MEMBER);
        var me = harness.as("t001");
        me.say("点菜");
        String help = me.say("帮助");
        assertThat(help).contains("我能帮您做这些事").endsWith("（您正在进行「点菜」：直接回复继续，或发送「取消」退出。）");
        assertThat(me.say("米饭")).isEqualTo("要几份？");
    }

    @Test
    void aStepThatTimesOutIsEndedWithAClearMessage() {
        school(Privilege.MEMBER);
        var me = harness.as("t001");
        me.say("点菜");
        me.say("米饭");
        harness.clock.advance(Duration.ofMinutes(14));
        // answering within the step's time keeps the flow; each step gets its own 15 minutes
        assertThat(me.say("很多")).isEqualTo("请回复数字，例如 2");
        harness.clock.advance(Duration.ofMinutes(16));
        // what the member wrote expires with the step; only the marker (name, deadline) outlives it
        var message = org.unionbot.core.message.InboundMessage.privateText(org.unionbot.core.message.Platform.WEB,
                "t001", "", null, harness.clock.instant());
        assertThat(harness.state.get(org.unionbot.core.state.StateKey.of(PendingFlows.STATE_FLOW, message))).isEmpty();
        assertThat(harness.state.get(org.unionbot.core.state.StateKey.of(PendingFlows.MARKER_FLOW, message)))
                .hasValueSatisfying(v -> assertThat(v).startsWith("test.order\n").doesNotContain("米饭"));
        String late = me.say("回声 3");
        assertThat(late).startsWith("您之前的「点菜」超过 15 分钟没有回复，已自动取消，没有保存任何内容。")
                .endsWith("回声：3");
        assertThat(me.say("3")).doesNotContain("好的");
    }

    @Test
    void aFailingStepEndsTheFlowInsteadOfTrappingTheMember() {
        school(Privilege.MEMBER);
        var me = harness.as("t001");
        me.say("点菜");
        assertThat(me.say("炸")).contains("「点菜」出了点问题，已经退出");
        assertThat(me.say("回声 好了")).isEqualTo("回声：好了");
    }

    @Test
    void aMemberWhoLostThePrivilegeLeavesTheFlow() {
        school(Privilege.COMMITTEE);
        var committee = harness.as("c001");
        assertThat(committee.say("点菜")).isEqualTo("想吃什么？");
        var member = harness.members.findByIdentity(org.unionbot.core.message.Platform.WEB, "c001").orElseThrow();
        harness.members.save(Roster.member(member.name(), member.staffNo(), "数学组"));
        assertThat(committee.say("回声 普通会员")).isEqualTo("回声：普通会员");
    }

    @Test
    void aRetriedPlatformMessageAdvancesTheFlowOnce() {
        school(Privilege.MEMBER);
        var me = harness.as(org.unionbot.core.message.Platform.WECOM, "u1");
        harness.members.bindIdentity(new org.unionbot.core.member.PlatformIdentity(
                org.unionbot.core.message.Platform.WECOM, "u1",
                harness.members.findByStaffNo("T001").orElseThrow().id()));
        me.send("点菜", "a1");
        assertThat(me.send("米饭", "a2")).isInstanceOf(Reply.Say.class);
        assertThat(me.send("米饭", "a2")).isInstanceOf(Reply.Silent.class);
        assertThat(((Reply.Say) me.send("2", "a3")).text()).isEqualTo("好的：米饭 × 2（王芳）");
    }

    @Test
    void flowCommandsWithoutPendingFlowsAreRefusedAtStartUp() {
        harness = ConversationHarness.create();
        OrderFlow flow = new OrderFlow(harness.flows, Privilege.MEMBER);
        assertThatThrownBy(() -> StandardEngine.build(new StandardEngine.Parts(harness.members, harness.processed,
                harness.binding, harness.outbound, harness.messages, new EngineSettings(Duration.ofSeconds(1), 1, 1),
                List.of(flow), null))).isInstanceOf(IllegalStateException.class);
    }
}
