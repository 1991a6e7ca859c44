package org.unionbot.core.command.builtin;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Reply;

/**
 * 绑定码 <工号>: a committee member or group leader gets a one-time binding code to hand to a teacher who
 * cannot bind by phone tail (no phone on file, a new phone). Private only: a code shown in a group could
 * be used by whoever reads it first.
 */
public final class IssueBindingCodeCommand implements Command {
    private final Messages messages;
    private final MemberRepository members;
    private final BindingService binding;
    private final CommandSpec spec;

    public IssueBindingCodeCommand(Messages messages, MemberRepository members, BindingService binding) {
        this.messages = messages;
        this.members = members;
        this.binding = binding;
        this.spec = new CommandSpec("绑定码", List.of("生成绑定码", "bindcode"), messages.get("bindcode.usage"),
                messages.get("bindcode.summary"), Privilege.GROUP_LEADER, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        String staffNo = context.arguments().strip();
        if (staffNo.isEmpty() || staffNo.contains(" ")) {
            return Reply.text(messages.get("bindcode.usageHint"));
        }
        Member asker = context.requireMember();
        var target = members.findByStaffNo(staffNo);
        if (target.isEmpty()) {
            return Reply.text(messages.get("bindcode.unknown", staffNo));
        }
        // A group leader hands out codes for their own group; the committee for everyone.
        if (!asker.isCommittee() && !java.util.Objects.equals(asker.groupId(), target.get().groupId())) {
            return Reply.text(messages.get("bindcode.notYourGroup"));
        }
        String code = binding.issueCode(target.get().id());
        return Reply.text(messages.get("bindcode.issued", target.get().name(), staffNo, code));
    }
}
