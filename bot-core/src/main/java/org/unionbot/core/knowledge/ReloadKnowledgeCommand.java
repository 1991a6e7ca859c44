package org.unionbot.core.knowledge;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;

/**
 * 重新加载问答: reads the knowledge files again without a restart. A file with problems is reported line
 * by line and the knowledge in service stays as it was.
 */
public final class ReloadKnowledgeCommand implements Command {
    private static final int SHOWN_PROBLEMS = 15;

    private final KnowledgeBase knowledge;
    private final Messages messages;
    private final CommandSpec spec;

    public ReloadKnowledgeCommand(KnowledgeBase knowledge, Messages messages) {
        this.knowledge = knowledge;
        this.messages = messages;
        this.spec = new CommandSpec("重新加载问答", List.of("加载问答", "reload-knowledge"), "重新加载问答",
                messages.get("knowledge.reload.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        KnowledgeBase.ReloadReport report = knowledge.reload();
        if (report.applied()) {
            return Reply.text(messages.get("knowledge.reload.done", String.valueOf(report.entries()),
                    String.valueOf(report.took().toMillis())));
        }
        StringBuilder text = new StringBuilder(messages.get("knowledge.reload.failed",
                String.valueOf(report.problems().size()), String.valueOf(report.entries())));
        for (LoadProblem p : report.problems().subList(0, Math.min(SHOWN_PROBLEMS, report.problems().size()))) {
            text.append('\n').append(messages.get("knowledge.problem.line", p.file(), String.valueOf(p.line()),
                    p.message()));
        }
        return Reply.text(text.toString());
    }
}
