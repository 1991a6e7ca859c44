package org.unionbot.core.engine;

import org.unionbot.core.command.CommandRegistry;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;

/**
 * Matches the message to a command and checks that the sender may run it here. An unbound sender gets
 * the binding guide, never someone else's data; a personal command said in a group is answered with a
 * pointer to the private chat, not with the data.
 */
public final class PermissionCheck implements Middleware {
    private final CommandRegistry registry;
    private final Messages messages;

    public PermissionCheck(CommandRegistry registry, Messages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public Reply handle(MessageContext context, MiddlewareChain next) {
        var match = registry.match(context.message().text());
        if (match.isEmpty()) {
            return next.proceed(context);
        }
        var spec = match.get().command().spec();
        var kind = context.message().conversation().kind();
        if (!spec.locality().allows(kind)) {
            return Reply.text(spec.locality() == Locality.PRIVATE
                    ? messages.get("permission.privateOnly", spec.name())
                    : messages.get("permission.groupOnly", spec.name()));
        }
        var member = context.member().orElse(null);
        if (!spec.privilege().allows(member)) {
            if (member == null) {
                return Reply.text(messages.get("binding.guide"));
            }
            return Reply.text(messages.get("permission.denied", spec.name(), roleLabel(spec.privilege())));
        }
        context.command(match.get());
        return next.proceed(context);
    }

    private String roleLabel(Privilege privilege) {
        return messages.get("privilege." + privilege.name());
    }
}
