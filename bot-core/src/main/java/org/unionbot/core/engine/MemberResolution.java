package org.unionbot.core.engine;

import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Reply;

/** Finds the member behind the sender's platform account; unbound senders pass on without one. */
public final class MemberResolution implements Middleware {
    private final MemberRepository members;

    public MemberResolution(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Reply handle(MessageContext context, MiddlewareChain next) {
        var message = context.message();
        members.findByIdentity(message.platform(), message.senderId()).ifPresent(context::member);
        return next.proceed(context);
    }
}
