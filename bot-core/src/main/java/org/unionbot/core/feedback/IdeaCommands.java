package org.unionbot.core.feedback;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;

/** The idea-round commands. */
public final class IdeaCommands {
    /** How many commands {@link #all} returns; the application registers each as a bean by index. */
    public static final int COUNT = 5;

    private IdeaCommands() {
    }

    public static List<Command> all(IdeaService service, Messages m) {
        return List.of(
                SimpleCommand.of("金点子征集", List.of(), "金点子征集 截止日期(2026-10-15) 主题", m.get("idea.cmd.open"),
                        Privilege.COMMITTEE, service::open),
                SimpleCommand.of("金点子", List.of(), "金点子 内容", m.get("idea.cmd.submit"), Privilege.MEMBER,
                        service::submit),
                SimpleCommand.of("金点子列表", List.of(), "金点子列表", m.get("idea.cmd.list"), Privilege.COMMITTEE,
                        service::list),
                SimpleCommand.of("金点子入围", List.of(), "金点子入围 编号 编号 …", m.get("idea.cmd.shortlist"),
                        Privilege.COMMITTEE, service::shortlist),
                SimpleCommand.of("金点子投票", List.of(), "金点子投票", m.get("idea.cmd.poll"), Privilege.COMMITTEE,
                        service::toPoll));
    }
}
