package org.unionbot.core.engine;

import java.util.Objects;
import org.unionbot.core.command.CommandContext;

/**
 * One message inside a flow: the context as a command would see it (the arguments are the whole
 * stripped text) and the state the previous step stored.
 */
public record FlowTurn(CommandContext context, String state) {
    public FlowTurn {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(state, "state");
    }

    /** What the member wrote, stripped. */
    public String text() {
        return context.arguments();
    }
}
