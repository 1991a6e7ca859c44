package org.unionbot.core.feedback;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.i18n.Messages;

/**
 * The suggestion commands. All are private-chat only: a suggestion, its code and its answer are never
 * said in a group.
 */
public final class SuggestionCommands {
    /** How many commands {@link #all} returns; the application registers each as a bean by index. */
    public static final int COUNT = 13;

    private SuggestionCommands() {
    }

    /** Without a flow hook 我想提建议 explains the three one-message ways. */
    public static List<Command> all(SuggestionService service, Messages m) {
        return all(service, m, null);
    }

    /** @param flows where 我想提建议 keeps its guided flow; null: it explains the one-message ways */
    public static List<Command> all(SuggestionService service, Messages m, PendingFlows flows) {
        Command guide = flows != null ? new SuggestionFlow(service, flows, m)
                : SimpleCommand.of("我想提建议", List.of("提建议", "意见建议"), "我想提建议",
                        m.get("suggestion.cmd.guide"), Privilege.MEMBER, c -> service.guide());
        return List.of(
                guide,
                SimpleCommand.of("建议", List.of("实名建议"), "建议 内容", m.get("suggestion.cmd.named"),
                        Privilege.MEMBER, c -> service.draft(c, SuggestionMode.NAMED)),
                SimpleCommand.of("匿名建议", List.of(), "匿名建议 内容", m.get("suggestion.cmd.anonymous"),
                        Privilege.MEMBER, c -> service.draft(c, SuggestionMode.ANONYMOUS)),
                SimpleCommand.of("建议主席", List.of("给主席的建议"), "建议主席 内容", m.get("suggestion.cmd.chairOnly"),
                        Privilege.MEMBER, c -> service.draft(c, SuggestionMode.CHAIR_ONLY)),
                SimpleCommand.of("确认提交", List.of(), "确认提交", m.get("suggestion.cmd.confirm"),
                        Privilege.MEMBER, service::confirm),
                SimpleCommand.of("取消提交", List.of(), "取消提交", m.get("suggestion.cmd.cancel"),
                        Privilege.MEMBER, service::cancel),
                SimpleCommand.of("查询", List.of("查询建议"), "查询 查询码", m.get("suggestion.cmd.query"),
                        Privilege.MEMBER, service::query),
                SimpleCommand.of("撤回", List.of("撤回建议"), "撤回 查询码", m.get("suggestion.cmd.withdraw"),
                        Privilege.MEMBER, service::withdraw),
                SimpleCommand.of("建议列表", List.of(), "建议列表", m.get("suggestion.cmd.list"),
                        Privilege.COMMITTEE, service::list),
                SimpleCommand.of("指派建议", List.of(), "指派建议 编号 委员姓名或部门", m.get("suggestion.cmd.assign"),
                        Privilege.COMMITTEE, service::assign),
                SimpleCommand.of("答复建议", List.of(), "答复建议 编号 答复内容", m.get("suggestion.cmd.answer"),
                        Privilege.COMMITTEE, service::answer),
                SimpleCommand.of("关闭建议", List.of(), "关闭建议 编号", m.get("suggestion.cmd.close"),
                        Privilege.COMMITTEE, service::close),
                SimpleCommand.of("发布答复汇总", List.of(), "发布答复汇总", m.get("suggestion.cmd.digest"),
                        Privilege.CHAIR, service::publishNow));
    }
}
