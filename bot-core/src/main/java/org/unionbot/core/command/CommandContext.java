package org.unionbot.core.command;

import java.util.Optional;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.InboundMessage;

/**
 * What a command sees: the message, the resolved member (empty only for {@link Privilege#PUBLIC}
 * commands from unbound senders), and the text after the command's name.
 */
public record CommandContext(InboundMessage message, Optional<Member> member, String arguments) {

    /** The member; call only from commands that need a member, which the engine guarantees. */
    public Member requireMember() {
        return member.orElseThrow(() -> new IllegalStateException("command needs a bound member"));
    }
}
