package org.unionbot.core.poll;

import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/** 确认发起 opens the previewed draft; 取消发起 drops it. */
public final class ConfirmPollCommand implements Command {
    private final PollService service;
    private final ConversationStateStore state;
    private final CommandSpec spec;
    private final PollAnnouncer announcer;

    public ConfirmPollCommand(PollService service, ConversationStateStore state) {
        this(service, state, null);
    }

    /** With an announcer, the opened poll is posted to the group chats the form named (公告群). */
    public ConfirmPollCommand(PollService service, ConversationStateStore state, PollAnnouncer announcer) {
        this.announcer = announcer;
        this.service = service;
        this.state = state;
        this.spec = new CommandSpec("确认发起", List.of("取消发起"), "确认发起 | 取消发起",
                service.messages().get("poll.confirm.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        var messages = service.messages();
        StateKey key = StateKey.of(CreatePollCommand.FLOW, context.message());
        Optional<String> form = state.get(key);
        if (form.isEmpty()) {
            return Reply.text(messages.get("poll.confirm.nothing"));
        }
        if (context.message().text().strip().startsWith("取消")) {
            state.remove(key);
            return Reply.text(messages.get("poll.confirm.cancelled"));
        }
        Poll poll;
        try {
            PollDraft draft = PollForm.parse(form.get(), service.clock().instant(), service.zone());
            poll = service.open(draft, context.requireMember());
        } catch (PollForm.FormException | IllegalArgumentException stale) {
            // e.g. the deadline passed while the draft waited
            return Reply.text(messages.get("poll.confirm.failed") + "\n" + messages.get("poll.create.retry"));
        }
        state.remove(key);
        List<String> channels = PollCreationFlow.channelsOf(PollForm.fields(form.get()));
        int reached = announcer == null || channels.isEmpty() ? 0 : announcer.announceOpened(poll, channels);
        return Reply.text(PollCreationFlow.opened(service, poll, channels, reached));
    }
}
