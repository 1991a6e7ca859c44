package org.unionbot.core.feedback;

import java.util.List;
import java.util.function.Function;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;

/** A command whose work is one service method; the feature's many small commands need no class each. */
final class SimpleCommand implements Command {
    private final CommandSpec spec;
    private final Function<CommandContext, String> action;

    SimpleCommand(CommandSpec spec, Function<CommandContext, String> action) {
        this.spec = spec;
        this.action = action;
    }

    static SimpleCommand of(String name, List<String> aliases, String usage, String summary, Privilege privilege,
                            Function<CommandContext, String> action) {
        return new SimpleCommand(new CommandSpec(name, aliases, usage, summary, privilege, Locality.PRIVATE), action);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        return Reply.text(action.apply(context));
    }
}
