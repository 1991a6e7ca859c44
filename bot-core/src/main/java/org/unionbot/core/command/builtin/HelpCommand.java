package org.unionbot.core.command.builtin;

import java.util.List;
import java.util.function.Supplier;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;

/** 帮助: lists what the asking member may do here, so nobody is shown a committee command they cannot run. */
public final class HelpCommand implements Command {
    private final Messages messages;
    private final Supplier<List<Command>> commands;
    private final CommandSpec spec;

    /** @param commands all registered commands, read when asked (the registry includes this one) */
    public HelpCommand(Messages messages, Supplier<List<Command>> commands) {
        this.messages = messages;
        this.commands = commands;
        this.spec = new CommandSpec("帮助", List.of("菜单", "功能", "help", "?", "？"), "帮助",
                messages.get("help.summary"), Privilege.PUBLIC, Locality.ANY);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        var member = context.member().orElse(null);
        var kind = context.message().conversation().kind();
        StringBuilder text = new StringBuilder(messages.get("help.header"));
        for (Command command : commands.get()) {
            CommandSpec s = command.spec();
            if (s.privilege().allows(member) && s.locality().allows(kind)) {
                text.append('\n').append(messages.get("help.line", s.usage(), s.summary()));
            }
        }
        text.append('\n').append(messages.get(member == null ? "help.footer.unbound" : "help.footer"));
        return Reply.text(text.toString());
    }
}
