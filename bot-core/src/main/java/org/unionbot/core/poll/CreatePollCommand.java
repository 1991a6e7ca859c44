package org.unionbot.core.poll;

import java.time.Duration;
import java.util.List;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.message.Reply;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * 发起投票: without arguments shows the form to fill in; with the filled-in form answers with a preview
 * and keeps the draft (deadline made absolute) until 确认发起. The whole form comes in one message because
 * free text between commands belongs to the knowledge base's fallback; a mistake is answered with what
 * to correct, and sending the form again replaces the draft.
 */
public final class CreatePollCommand implements Command {
    static final String FLOW = "poll-draft";
    static final Duration DRAFT_TTL = Duration.ofHours(2);

    private final PollService service;
    private final ConversationStateStore state;
    private final CommandSpec spec;

    public CreatePollCommand(PollService service, ConversationStateStore state) {
        this.service = service;
        this.state = state;
        this.spec = new CommandSpec("发起投票", List.of("新建投票", "创建投票"), "发起投票",
                service.messages().get("poll.create.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        var messages = service.messages();
        if (context.arguments().isBlank()) {
            return Reply.text(messages.get("poll.create.guide"));
        }
        PollDraft draft;
        try {
            draft = PollForm.parse(context.arguments(), service.clock().instant(), service.zone());
        } catch (PollForm.FormException wrong) {
            return Reply.text(messages.get(wrong.key()) + "\n" + messages.get("poll.create.retry"));
        }
        if (!draft.deadline().isAfter(service.clock().instant())) {
            return Reply.text(messages.get("poll.form.pastDeadline") + "\n" + messages.get("poll.create.retry"));
        }
        int electorate = draft.electorate().resolve(service.members()).size();
        if (electorate == 0) {
            return Reply.text(messages.get("poll.form.emptyElectorate") + "\n" + messages.get("poll.create.retry"));
        }
        String form = PollForm.format(draft, service.zone());
        state.put(StateKey.of(FLOW, context.message()), form, DRAFT_TTL);
        return Reply.text(messages.get("poll.create.preview", form, String.valueOf(electorate)));
    }
}
