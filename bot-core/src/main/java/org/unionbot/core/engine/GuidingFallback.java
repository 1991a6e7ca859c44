package org.unionbot.core.engine;

import java.util.List;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Reply;

/**
 * The answer when nothing else understood the message: say so honestly, show how to get help, and name
 * the union chair as the person to ask, so the member is never left without a next step. Group chats
 * get no answer unless the message was addressed to the bot, which the adapter decides.
 */
public final class GuidingFallback implements FallbackHandler {
    private final MemberRepository members;
    private final Messages messages;

    public GuidingFallback(MemberRepository members, Messages messages) {
        this.members = members;
        this.messages = messages;
    }

    @Override
    public Reply answer(MessageContext context) {
        if (context.message().text().isBlank()) {
            return Reply.text(messages.get("fallback.empty"));
        }
        if (context.member().isEmpty()) {
            return Reply.text(messages.get("fallback.unknown") + "\n" + messages.get("binding.guide"));
        }
        List<Member> chairs = members.findByRole(UnionRole.CHAIR);
        String contact = chairs.isEmpty()
                ? messages.get("fallback.contact.committee")
                : messages.get("fallback.contact.chair", chairs.get(0).name());
        return Reply.text(messages.get("fallback.unknown") + "\n" + contact);
    }
}
