package org.unionbot.core.poll;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;

/**
 * 修改投票 #12 followed by the changed fields, one a line ("截止：2026-09-12 17:00", "选项：甲、乙、丙"):
 * allowed until the first vote, see {@link PollEditor}. Without fields it shows the current form.
 */
public final class EditPollCommand implements Command {
    private static final Pattern REF = Pattern.compile("^[#＃]?(\\d{1,12})\\s*");

    private final PollService service;
    private final PollEditor editor;
    private final CommandSpec spec;

    public EditPollCommand(PollService service, PollEditor editor) {
        this.service = service;
        this.editor = editor;
        this.spec = new CommandSpec("修改投票", List.of("编辑投票"), service.messages().get("poll.edit.usage"),
                service.messages().get("poll.edit.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        Matcher m = REF.matcher(context.arguments());
        if (!m.lookingAt()) {
            return Reply.text(service.messages().get("poll.edit.usageHint"));
        }
        long pollId = Long.parseLong(m.group(1));
        String changes = context.arguments().substring(m.end());
        return Reply.text(editor.text(editor.edit(pollId, changes, context.requireMember())));
    }
}
