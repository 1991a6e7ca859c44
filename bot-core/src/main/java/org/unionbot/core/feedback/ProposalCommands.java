package org.unionbot.core.feedback;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.i18n.Messages;

/** The congress-proposal commands. */
public final class ProposalCommands {
    /** How many commands {@link #all} returns; the application registers each as a bean by index. */
    public static final int COUNT = 10;

    private ProposalCommands() {
    }

    public static List<Command> all(ProposalService service, Messages m) {
        return all(service, m, null);
    }

    /** @param flows where 提案 without text keeps its guided flow; null: it shows the one-message usage */
    public static List<Command> all(ProposalService service, Messages m, PendingFlows flows) {
        Command submit = flows != null ? new ProposalFlow(service, flows, m)
                // Open to every member so that staff are pointed to their delegate instead of refused.
                : SimpleCommand.of("提案", List.of("提交提案"), "提案 标题；理由；建议措施；附议 姓名、姓名",
                        m.get("proposal.cmd.submit"), Privilege.MEMBER, service::submit);
        return List.of(
                SimpleCommand.of("提案征集", List.of(), "提案征集 届 次 截止日期(2026-10-15)",
                        m.get("proposal.cmd.open"), Privilege.CHAIR, service::openSession),
                submit,
                SimpleCommand.of("我的提案", List.of("我上次的提案有答复了吗", "提案答复了吗"), "我的提案",
                        m.get("proposal.cmd.mine"), Privilege.MEMBER, service::mine),
                SimpleCommand.of("提案评价", List.of(), "提案评价 编号 满意|基本满意|不满意",
                        m.get("proposal.cmd.rate"), Privilege.DELEGATE, service::rate),
                SimpleCommand.of("公开提案", List.of(), "公开提案 [届 次]", m.get("proposal.cmd.published"),
                        Privilege.MEMBER, service::published),
                SimpleCommand.of("提案列表", List.of(), "提案列表", m.get("proposal.cmd.list"), Privilege.COMMITTEE,
                        service::list),
                SimpleCommand.of("提案交办", List.of(), "提案交办 编号 承办部门", m.get("proposal.cmd.assign"),
                        Privilege.COMMITTEE, service::assignOffice),
                SimpleCommand.of("提案答复", List.of(), "提案答复 编号 答复内容", m.get("proposal.cmd.reply"),
                        Privilege.COMMITTEE, service::reply),
                SimpleCommand.of("提案落实", List.of(), "提案落实 编号 已落实|正在落实|暂不具备条件",
                        m.get("proposal.cmd.implementation"), Privilege.COMMITTEE, service::implementation),
                SimpleCommand.of("提案公开", List.of(), "提案公开 届 次", m.get("proposal.cmd.publish"),
                        Privilege.CHAIR, service::publish));
    }
}
