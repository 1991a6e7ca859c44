package org.unionbot.core.feedback;

import java.util.List;
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
 * 我想提建议: the guided suggestion — the text (any words, even a command's name), then named,
 * anonymous or named to the chair only, then a confirmation, then the tracking code. "我想提建议 内容"
 * skips the first question.
 *
 * <p>The text waits in the flow's state (keyed by the member's account, like the one-message draft)
 * only as long as the step's time-out; on confirmation the flow's state is removed <em>before</em> the
 * suggestion is written, so body and account never outlive the submission together.
 */
final class SuggestionFlow implements Command, ConversationFlow {
    static final String NAME = "feedback.suggestion";
    private static final List<String> CONFIRM_WORDS = List.of("确认", "确认提交", "提交", "确定", "是", "好", "好的");

    private final SuggestionService service;
    private final PendingFlows flows;
    private final Messages messages;
    private final CommandSpec spec;

    SuggestionFlow(SuggestionService service, PendingFlows flows, Messages messages) {
        this.service = service;
        this.flows = flows;
        this.messages = messages;
        this.spec = new CommandSpec("我想提建议", List.of("提建议", "意见建议"), "我想提建议",
                messages.get("suggestion.cmd.guide"), Privilege.MEMBER, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        String text = context.arguments().strip();
        if (!text.isEmpty()) {
            String problem = problem(text);
            if (problem == null) {
                return flows.start(context, this, "MODE\n" + text, Reply.text(messages.get("suggestion.flow.mode")));
            }
            return flows.start(context, this, "TEXT\n", Reply.text(problem + "\n" + messages.get("suggestion.flow.text")));
        }
        return flows.start(context, this, "TEXT\n", Reply.text(messages.get("suggestion.flow.start")));
    }

    @Override
    public String flowName() {
        return NAME;
    }

    @Override
    public String flowTitle() {
        return spec.name();
    }

    @Override
    public FlowStep resume(FlowTurn turn) {
        String state = turn.state();
        int cut = state.indexOf('\n');
        String step = state.substring(0, cut);
        String rest = state.substring(cut + 1);
        String text = turn.text();
        switch (step) {
            case "TEXT" -> {
                String problem = problem(text);
                if (problem != null) {
                    return FlowStep.ask(problem + "\n" + messages.get("suggestion.flow.text"), state);
                }
                return FlowStep.ask(messages.get("suggestion.flow.mode"), "MODE\n" + text);
            }
            case "MODE" -> {
                SuggestionMode mode = mode(text);
                if (mode == null) {
                    return FlowStep.ask(messages.get("suggestion.flow.badMode") + "\n"
                            + messages.get("suggestion.flow.mode"), state);
                }
                return FlowStep.ask(messages.get("suggestion.flow.confirm",
                        messages.get("suggestion.mode." + mode.name()), rest), "CONFIRM\n" + mode.name() + "\n" + rest);
            }
            default -> {
                if (!CONFIRM_WORDS.contains(text.replaceAll("[。！!]+$", ""))) {
                    return FlowStep.ask(messages.get("suggestion.flow.confirmHint"), state);
                }
                int modeEnd = rest.indexOf('\n');
                SuggestionMode mode = SuggestionMode.valueOf(rest.substring(0, modeEnd));
                String body = rest.substring(modeEnd + 1);
                // body and account meet only in the flow's state: drop it before the suggestion is written
                flows.end(turn.context().message());
                return FlowStep.done(service.submit(turn.context().requireMember(), mode, body));
            }
        }
    }

    private String problem(String text) {
        if (text.isBlank()) {
            return messages.get("suggestion.flow.empty");
        }
        if (text.length() > SuggestionService.MAX_BODY) {
            return messages.get("suggestion.tooLong", Integer.toString(SuggestionService.MAX_BODY));
        }
        return null;
    }

    private static SuggestionMode mode(String text) {
        return switch (text.replaceAll("[。！!]+$", "")) {
            case "1", "实名" -> SuggestionMode.NAMED;
            case "2", "匿名" -> SuggestionMode.ANONYMOUS;
            case "3", "仅主席", "主席", "仅主席可见", "只给主席" -> SuggestionMode.CHAIR_ONLY;
            default -> null;
        };
    }
}
