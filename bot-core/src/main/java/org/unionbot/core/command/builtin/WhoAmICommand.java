package org.unionbot.core.command.builtin;

import java.util.List;
import java.util.stream.Collectors;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Reply;

/** 我是谁: the member's own record, in private only, so members can check what the union has on file. */
public final class WhoAmICommand implements Command {
    private final Messages messages;
    private final MemberRepository members;
    private final CommandSpec spec;

    public WhoAmICommand(Messages messages, MemberRepository members) {
        this.messages = messages;
        this.members = members;
        this.spec = new CommandSpec("我是谁", List.of("我的信息", "个人信息", "whoami"), "我是谁",
                messages.get("whoami.summary"), Privilege.MEMBER, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        Member me = context.requireMember();
        String roles = me.roles().stream().sorted().map(UnionRole::label).collect(Collectors.joining("、"));
        String tags = me.tags().isEmpty() ? messages.get("whoami.noTags")
                : me.tags().stream().sorted().collect(Collectors.joining("、"));
        String platforms = members.identitiesOf(me.id()).stream()
                .map(PlatformIdentity::platform).distinct().sorted()
                .map(p -> messages.get("platform." + p.name()))
                .collect(Collectors.joining("、"));
        return Reply.text(messages.get("whoami.text", me.name(), me.staffNo(),
                messages.get("status." + me.status().name()), group(me), roles, tags, platforms));
    }

    private String group(Member me) {
        if (me.groupId() == null) {
            return messages.get("whoami.noGroup");
        }
        return members.findGroup(me.groupId()).map(g -> {
            if (g.leaderMemberId() == null) {
                return messages.get("whoami.group.noLeader", g.name());
            }
            String leader = members.findById(g.leaderMemberId()).map(Member::name).orElse("—");
            return messages.get("whoami.group", g.name(), leader);
        }).orElse(messages.get("whoami.noGroup"));
    }
}
