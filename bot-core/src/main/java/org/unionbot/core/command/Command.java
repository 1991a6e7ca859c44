package org.unionbot.core.command;

import org.unionbot.core.message.Reply;

/** A command handler with its declared spec. Handlers answer with replies; they do not throw for expected outcomes. */
public interface Command {

    CommandSpec spec();

    Reply execute(CommandContext context);
}
