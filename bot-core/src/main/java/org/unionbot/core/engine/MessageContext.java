package org.unionbot.core.engine;

import java.util.Objects;
import java.util.Optional;
import org.unionbot.core.command.CommandRegistry;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.InboundMessage;

/**
 * One message on its way through the middleware chain. Middlewares add what they learn (the member,
 * the matched command); nothing else is carried, so there is no untyped bag of attributes.
 */
public final class MessageContext {
    private final InboundMessage message;
    private Member member;
    private CommandRegistry.Match command;

    public MessageContext(InboundMessage message) {
        this.message = Objects.requireNonNull(message, "message");
    }

    /** A context whose member is already known, for a handler reached through a command. */
    public MessageContext(InboundMessage message, Member member) {
        this(message);
        this.member = member;
    }

    public InboundMessage message() {
        return message;
    }

    public Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    void member(Member resolved) {
        this.member = resolved;
    }

    public Optional<CommandRegistry.Match> command() {
        return Optional.ofNullable(command);
    }

    void command(CommandRegistry.Match match) {
        this.command = match;
    }
}
