package org.unionbot.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.ConversationFlow;
import org.unionbot.core.engine.FlowStep;
import org.unionbot.core.engine.FlowTurn;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;

/**
 * 提案: with the whole proposal in one message ("提案 标题；理由；措施；附议 …") it is submitted at once;
 * alone it starts a guided flow — title → reasons → suggested measures → co-signers (or 无) → confirm —
 * so a delegate can write long reasons without fitting them between semicolons. Staff are pointed to
 * their delegate, and a closed window is said, before the first question.
 */
final class ProposalFlow implements Command, ConversationFlow {
    static final String NAME = "feedback.proposal";
    private static final List<String> STEPS = List.of("TITLE", "REASONS", "MEASURES", "COSIGNERS", "CONFIRM");
    private static final List<String> CONFIRM_WORDS = List.of("确认", "确认提交", "提交", "确定", "是", "好", "好的");
    private static final List<String> NONE_WORDS = List.of("无", "没有", "不需要", "无附议", "不用");

    private final ProposalService service;
    private final PendingFlows flows;
    private final Messages messages;
    private final CommandSpec spec;

    ProposalFlow(ProposalService service, PendingFlows flows, Messages messages) {
        this.service = service;
        this.flows = flows;
        this.messages = messages;
        this.spec = new CommandSpec("提案", List.of("提交提案"), "提案 | 提案 标题；理由；建议措施；附议 姓名、姓名",
                messages.get("proposal.cmd.submit"), Privilege.MEMBER, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        if (!context.arguments().isBlank()) {
            return Reply.text(service.submit(context));
        }
        Optional<String> refused = service.cannotSubmit(context.requireMember());
        if (refused.isPresent()) {
            return Reply.text(refused.get());
        }
        return flows.start(context, this, "TITLE", Reply.text(messages.get("proposal.flow.start") + "\n"
                + messages.get("proposal.flow.ask.TITLE")));
    }

    @Override
    public String flowName() {
        return NAME;
    }

    @Override
    public String flowTitle() {
        return messages.get("proposal.flow.title");
    }

    @Override
    public Privilege flowPrivilege() {
        return Privilege.DELEGATE;
    }

    /** State: the step, then the answers so far, one a line (line breaks inside an answer escaped). */
    @Override
    public FlowStep resume(FlowTurn turn) {
        List<String> lines = new ArrayList<>(List.of(turn.state().split("\n", -1)));
        String step = lines.remove(0);
        String text = turn.text();
        if (text.isBlank()) {
            return FlowStep.ask(messages.get("proposal.flow.ask." + step), turn.state());
        }
        if (text.length() > ProposalService.MAX_FIELD) {
            return FlowStep.ask(messages.get("proposal.tooLong", Integer.toString(ProposalService.MAX_FIELD)) + "\n"
                    + messages.get("proposal.flow.ask." + step), turn.state());
        }
        switch (step) {
            case "TITLE", "REASONS", "MEASURES" -> {
                if (step.equals("TITLE") && (text.contains("\n") || text.length() > 100)) {
                    return FlowStep.ask(messages.get("proposal.flow.badTitle"), turn.state());
                }
                lines.add(escape(text));
                String next = STEPS.get(STEPS.indexOf(step) + 1);
                return FlowStep.ask(messages.get("proposal.flow.ask." + next), state(next, lines));
            }
            case "COSIGNERS" -> {
                String names = NONE_WORDS.contains(text) ? "" : text.replaceFirst("^附议[:：]?\\s*", "");
                Optional<String> unknown = service.unknownCosigner(names);
                if (unknown.isPresent()) {
                    return FlowStep.ask(messages.get("proposal.cosigner.unknown", unknown.get()) + "\n"
                            + messages.get("proposal.flow.ask.COSIGNERS"), turn.state());
                }
                lines.add(escape(names));
                return FlowStep.ask(messages.get("proposal.flow.confirm", unescape(lines.get(0)),
                        unescape(lines.get(1)), unescape(lines.get(2)),
                        names.isEmpty() ? messages.get("proposal.flow.noCosigners") : names), state("CONFIRM", lines));
            }
            default -> {
                if (!CONFIRM_WORDS.contains(text.replaceAll("[。！!]+$", ""))) {
                    return FlowStep.ask(messages.get("proposal.flow.confirmHint"), turn.state());
                }
                return FlowStep.done(service.submitFields(turn.context().requireMember(), unescape(lines.get(0)),
                        unescape(lines.get(1)), unescape(lines.get(2)), unescape(lines.get(3))));
            }
        }
    }

    private static String state(String step, List<String> lines) {
        return step + "\n" + String.join("\n", lines);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                b.append(next == 'n' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
