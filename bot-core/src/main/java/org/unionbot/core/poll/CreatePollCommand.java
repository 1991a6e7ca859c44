package org.unionbot.core.poll;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.ConversationFlow;
import org.unionbot.core.engine.FlowStep;
import org.unionbot.core.engine.FlowTurn;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.message.Reply;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * 发起投票. Without arguments it starts the guided creation ({@link PollCreationFlow}: one question a
 * message, each answer checked, a preview to confirm). With the whole form in one message (the
 * shortcut for those who know it) it answers with a preview and keeps the draft (deadline made absolute)
 * until 确认发起; a mistake is answered with what to correct, and sending the form again replaces the draft.
 */
public final class CreatePollCommand implements Command, ConversationFlow {
    static final String FLOW = "poll-draft";
    static final String GUIDED_FLOW = "poll.create";
    static final Duration DRAFT_TTL = Duration.ofHours(2);

    private final PollService service;
    private final ConversationStateStore state;
    private final PendingFlows flows;
    private final PollCreationFlow guided;
    private final PollAnnouncer announcer;
    private final CommandSpec spec;

    /** Form shortcut only: without arguments the command shows the form to fill in. */
    public CreatePollCommand(PollService service, ConversationStateStore state) {
        this(service, state, null, null);
    }

    /**
     * @param flows where the guided creation keeps its place; null: no guided creation
     * @param announcer posts opened polls to their group chats; null: no group announcements
     */
    public CreatePollCommand(PollService service, ConversationStateStore state, PendingFlows flows,
                             PollAnnouncer announcer) {
        this.service = service;
        this.state = state;
        this.flows = flows;
        this.announcer = announcer;
        this.guided = new PollCreationFlow(service, announcer);
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
            if (flows == null) {
                return Reply.text(messages.get("poll.create.guide"));
            }
            FlowStep.Continue first = (FlowStep.Continue) guided.start();
            return flows.start(context, this, first.state(), first.reply());
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
        String channels = PollForm.fields(context.arguments()).get(PollCreationFlow.CHANNELS_FIELD);
        Optional<List<String>> names = channels == null ? Optional.of(List.of())
                : announcer == null ? Optional.empty() : announcer.parseChannels(channels);
        if (names.isEmpty()) {
            return Reply.text(messages.get("poll.flow.badChannels", announcer == null
                    ? messages.get("poll.channels.noneConfigured") : announcer.choices())
                    + "\n" + messages.get("poll.create.retry"));
        }
        String form = PollForm.format(draft, service.zone());
        if (!names.get().isEmpty()) {
            form += "\n" + PollCreationFlow.CHANNELS_FIELD + "：" + String.join("、", names.get());
        }
        state.put(StateKey.of(FLOW, context.message()), form, DRAFT_TTL);
        return Reply.text(messages.get("poll.create.preview", form, String.valueOf(electorate)));
    }

    @Override
    public String flowName() {
        return GUIDED_FLOW;
    }

    @Override
    public String flowTitle() {
        return spec.name();
    }

    @Override
    public Privilege flowPrivilege() {
        return Privilege.COMMITTEE;
    }

    @Override
    public FlowStep resume(FlowTurn turn) {
        return guided.resume(turn);
    }
}
