package org.unionbot.core.command.builtin;

import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.message.Reply;

/**
 * 绑定: binds the sender's account by code or by staff number and phone tail. Private only, so a code
 * or phone tail typed by mistake is not shown to a group.
 */
public final class BindCommand implements Command {
    private final Messages messages;
    private final BindingService binding;
    private final CommandSpec spec;

    public BindCommand(Messages messages, BindingService binding) {
        this.messages = messages;
        this.binding = binding;
        this.spec = new CommandSpec("绑定", List.of("bind"), messages.get("bind.usage"),
                messages.get("bind.summary"), Privilege.PUBLIC, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        String[] words = context.arguments().isBlank() ? new String[0] : context.arguments().split("\\s+");
        var message = context.message();
        BindingService.Result result = switch (words.length) {
            case 1 -> binding.bindByCode(message.platform(), message.senderId(), words[0]);
            case 2 -> binding.bindByStaffNumber(message.platform(), message.senderId(), words[0], words[1]);
            default -> null;
        };
        if (result == null) {
            return Reply.text(messages.get("bind.usageHint"));
        }
        return Reply.text(describe(result));
    }

    private String describe(BindingService.Result result) {
        if (result instanceof BindingService.Result.Bound bound) {
            return messages.get("bind.done", bound.member().name());
        }
        if (result instanceof BindingService.Result.AlreadyBound already) {
            return messages.get("bind.already", already.member().name());
        }
        if (result instanceof BindingService.Result.AccountTaken) {
            return messages.get("bind.taken");
        }
        if (result instanceof BindingService.Result.TooManyAttempts) {
            return messages.get("bind.tooMany");
        }
        return messages.get("bind.invalid");
    }
}
