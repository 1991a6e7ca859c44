package org.unionbot.core.feedback;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;

/** The care-case commands; private chat only, as a care case is nobody's business in a group. */
public final class CareCommands {
    /** How many commands {@link #all} returns; the application registers each as a bean by index. */
    public static final int COUNT = 5;

    private CareCommands() {
    }

    public static List<Command> all(CareService service, Messages m) {
        return List.of(
                SimpleCommand.of("慰问", List.of("报告慰问", "慰问登记"), "慰问 类型 本人或同事姓名 情况",
                        m.get("care.cmd.report"), Privilege.MEMBER, service::report),
                SimpleCommand.of("慰问列表", List.of(), "慰问列表", m.get("care.cmd.list"), Privilege.COMMITTEE,
                        service::list),
                SimpleCommand.of("慰问详情", List.of(), "慰问详情 编号", m.get("care.cmd.detail"), Privilege.COMMITTEE,
                        service::detail),
                SimpleCommand.of("慰问跟进", List.of(), "慰问跟进 编号 记录", m.get("care.cmd.followUp"),
                        Privilege.COMMITTEE, service::followUp),
                SimpleCommand.of("慰问办结", List.of(), "慰问办结 编号 [记录]", m.get("care.cmd.close"),
                        Privilege.COMMITTEE, service::close));
    }
}
