package org.unionbot.core.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.Reply;

/**
 * Gives a pending {@link ConversationFlow} the member's next private message before any command is
 * matched. Runs after member resolution (a flow needs the member) and before the permission check.
 *
 * <p>Escape words end the flow; help words show the help as usual plus a note that the flow still waits;
 * a flow whose step timed out is ended and the member is told so before their message is handled as usual.
 * Cost: one state-store read per private message of a bound member, none for group messages or
 * unbound senders, and none at all when no flow is registered.
 */
final class FlowDispatch implements Middleware {
    private static final System.Logger LOG = System.getLogger(FlowDispatch.class.getName());
    /** Words that leave any flow. Compared after stripping and dropping trailing punctuation. */
    static final Set<String> ESCAPE_WORDS = Set.of("取消", "退出", "算了", "取消发起", "取消提交", "cancel", "quit");
    /** Words that show the help without ending the flow. */
    static final Set<String> HELP_WORDS = Set.of("帮助", "help", "?", "？");

    private final PendingFlows pending;
    private final Map<String, ConversationFlow> flows;
    private final Messages messages;

    FlowDispatch(PendingFlows pending, List<ConversationFlow> flows, Messages messages) {
        this.pending = pending;
        this.messages = messages;
        Map<String, ConversationFlow> byName = new HashMap<>();
        for (ConversationFlow flow : flows) {
            if (byName.putIfAbsent(flow.flowName(), flow) != null) {
                throw new IllegalStateException("two flows are named " + flow.flowName());
            }
        }
        this.flows = Map.copyOf(byName);
    }

    @Override
    public Reply handle(MessageContext context, MiddlewareChain next) {
        var message = context.message();
        if (flows.isEmpty() || message.conversation().isGroup() || context.member().isEmpty()) {
            // flows belong to bound members in private chats: nothing to look up for anyone else
            return next.proceed(context);
        }
        Optional<PendingFlows.Pending> found = pending.find(message);
        if (found.isEmpty()) {
            return next.proceed(context);
        }
        PendingFlows.Pending p = found.get();
        ConversationFlow flow = flows.get(p.flowName());
        var member = context.member().orElse(null);
        if (flow == null || !flow.flowPrivilege().allows(member)) {
            // a flow of a removed feature, or a member who lost the role: forget it quietly
            pending.end(message);
            return next.proceed(context);
        }
        if (pending.expired(p)) {
            pending.end(message);
            String notice = messages.get("engine.flow.timedOut", flow.flowTitle(),
                    String.valueOf(pending.timeout().toMinutes()));
            return prepend(notice, next.proceed(context));
        }
        String word = normalise(message.text());
        if (ESCAPE_WORDS.contains(word)) {
            pending.end(message);
            return Reply.text(messages.get("engine.flow.exited", flow.flowTitle()));
        }
        if (HELP_WORDS.contains(word)) {
            return append(next.proceed(context), messages.get("engine.flow.stillPending", flow.flowTitle()));
        }
        FlowStep step;
        try {
            step = flow.resume(new FlowTurn(new CommandContext(message, context.member(), message.text().strip()),
                    p.state()));
        } catch (RuntimeException failure) {
            // do not leave the member stuck in a flow that fails on every message
            pending.end(message);
            LOG.log(Level.ERROR, "flow " + flow.flowName() + " failed; it was ended", failure);
            return Reply.text(messages.get("engine.flow.failed", flow.flowTitle()));
        }
        if (step instanceof FlowStep.Continue more) {
            pending.save(message, flow.flowName(), more.state());
        } else {
            pending.end(message);
        }
        return step.reply();
    }

    static String normalise(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        int end = t.length();
        while (end > 0 && "。.!！~～ ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }

    private static Reply prepend(String notice, Reply reply) {
        List<Content> contents = new ArrayList<>();
        contents.add(new Content.Text(notice));
        boolean confidential = false;
        if (reply instanceof Reply.Say say) {
            contents.addAll(say.contents());
            confidential = say.confidential();
        }
        return new Reply.Say(contents, confidential);
    }

    private static Reply append(Reply reply, String note) {
        if (!(reply instanceof Reply.Say say)) {
            return Reply.text(note);
        }
        List<Content> contents = new ArrayList<>(say.contents());
        contents.add(new Content.Text(note));
        return new Reply.Say(contents, say.confidential());
    }
}
