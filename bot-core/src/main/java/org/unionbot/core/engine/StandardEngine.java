package org.unionbot.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandRegistry;
import org.unionbot.core.command.builtin.BindCommand;
import org.unionbot.core.command.builtin.HelpCommand;
import org.unionbot.core.command.builtin.IssueBindingCodeCommand;
import org.unionbot.core.command.builtin.WhoAmICommand;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.outbound.OutboundPort;

/**
 * Assembles the engine the same way for the application and for tests: the built-in commands plus the
 * feature commands, and the middleware chain duplicate guard → member resolution → permission check.
 */
public final class StandardEngine {
    private StandardEngine() {
    }

    /**
     * What the engine is built from. {@code fallback} may be null for the guiding default; {@code flows}
     * may be null when no command starts a {@link ConversationFlow} (then no flow is dispatched).
     */
    public record Parts(
            MemberRepository members,
            ProcessedMessageLog processedMessages,
            BindingService binding,
            OutboundPort outbound,
            Messages messages,
            EngineSettings settings,
            List<Command> featureCommands,
            FallbackHandler fallback,
            PendingFlows flows) {

        /** Parts without flows, for engines whose commands start none. */
        public Parts(MemberRepository members, ProcessedMessageLog processedMessages, BindingService binding,
                     OutboundPort outbound, Messages messages, EngineSettings settings,
                     List<Command> featureCommands, FallbackHandler fallback) {
            this(members, processedMessages, binding, outbound, messages, settings, featureCommands, fallback, null);
        }
    }

    public static ConversationEngine build(Parts parts) {
        AtomicReference<CommandRegistry> registry = new AtomicReference<>();
        List<Command> commands = new ArrayList<>();
        commands.add(new HelpCommand(parts.messages(), () -> registry.get().commands()));
        commands.add(new WhoAmICommand(parts.messages(), parts.members()));
        commands.add(new BindCommand(parts.messages(), parts.binding()));
        commands.add(new IssueBindingCodeCommand(parts.messages(), parts.members(), parts.binding()));
        commands.addAll(parts.featureCommands());
        registry.set(new CommandRegistry(commands));

        FallbackHandler fallback = parts.fallback() != null ? parts.fallback()
                : new GuidingFallback(parts.members(), parts.messages());
        List<Middleware> chain = new ArrayList<>();
        chain.add(new DuplicateGuard(parts.processedMessages()));
        chain.add(new MemberResolution(parts.members()));
        // Flows claim a member's next private message before any command is matched.
        List<ConversationFlow> flows = commands.stream().filter(ConversationFlow.class::isInstance)
                .map(ConversationFlow.class::cast).toList();
        if (!flows.isEmpty()) {
            if (parts.flows() == null) {
                throw new IllegalStateException("commands start conversation flows but no PendingFlows was given");
            }
            chain.add(new FlowDispatch(parts.flows(), flows, parts.messages()));
        }
        chain.add(new PermissionCheck(registry.get(), parts.messages()));
        return new ConversationEngine(chain, fallback, parts.outbound(), parts.messages(), parts.settings());
    }
}
