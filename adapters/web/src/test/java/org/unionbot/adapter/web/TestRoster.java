package org.unionbot.adapter.web;

import java.util.List;
import java.util.Set;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Reply;
import org.unionbot.core.testing.ConversationHarness;

/** The small school every web test talks to, and a test command that says back what it was given. */
final class TestRoster {
    static final String SECRET = "test-only-link-secret-0123456789abcdef";

    private TestRoster() {
    }

    /** 王芳 (t001, 语文组), 李强 (t002, 数学组, 委员), 张敏 (t003, 主席 and 教代会代表), 赵磊 (no web account). */
    static ConversationHarness school(Command... extraCommands) {
        ConversationHarness harness = ConversationHarness.create().withCommands(new Echo());
        if (extraCommands.length > 0) {
            harness.withCommands(extraCommands);
        }
        addMembers(harness);
        return harness;
    }

    static void addMembers(ConversationHarness harness) {
        harness.addMember(new MemberDraft("王芳", "T001", Gender.FEMALE, null, null, null, "1234", "语文组",
                Set.of(UnionRole.MEMBER), Set.of()), "t001");
        harness.addMember(new MemberDraft("李强", "T002", Gender.MALE, null, null, null, "5678", "数学组",
                Set.of(UnionRole.COMMITTEE), Set.of()), "t002");
        harness.addMember(new MemberDraft("张敏", "T003", Gender.FEMALE, null, null, null, "9012", null,
                Set.of(UnionRole.DELEGATE, UnionRole.CHAIR), Set.of()), "t003");
        harness.addMember(new MemberDraft("赵磊", "T004", Gender.MALE, null, null, null, "3456", "语文组",
                Set.of(UnionRole.MEMBER), Set.of()), null);
    }

    /** 复述 <文字>: answers with exactly the text after the command, to see what reached the engine. */
    static final class Echo implements Command {
        private final CommandSpec spec = new CommandSpec("复述", List.of("echo"), "复述 文字", "原样复述（测试用）",
                Privilege.PUBLIC, Locality.ANY);

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Reply execute(CommandContext context) {
            return Reply.text(context.arguments());
        }
    }
}
