package org.unionbot.core.command.builtin;

import java.util.List;
import java.util.function.Supplier;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.Reply;

/**
 * 帮助: lists what the asking member may do here, so nobody is shown a committee command they cannot
 * run. Everyday commands come first; the management commands of group leaders and the committee (dozens
 * once every feature is on) are listed on request with 帮助 管理, so a chair's 帮助 stays readable.
 */
public final class HelpCommand implements Command {
    private final Messages messages;
    private final Supplier<List<Command>> commands;
    private final CommandSpec spec;

    /** @param commands all registered commands, read when asked (the registry includes this one) */
    public HelpCommand(Messages messages, Supplier<List<Command>> commands) {
        this.messages = messages;
        this.commands = commands;
        this.spec = new CommandSpec("帮助", List.of("菜单", "功能", "help", "?", "？"), "帮助",
                messages.get("help.summary"), Privilege.PUBLIC, Locality.ANY);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** What decides the text: which privileges the asker has, where they ask, which list, bound or not. */
    private record Audience(java.util.Set<Privilege> privileges, org.unionbot.core.message.ConversationKind kind,
                            boolean management, boolean bound,
                            int commandCount) {}

    /** The help is asked for often (every new member, every menu tap) and only depends on its audience. */
    private final java.util.concurrent.ConcurrentMap<Audience, String> rendered =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Reply execute(CommandContext context) {
        var member = context.member().orElse(null);
        var kind = context.message().conversation().kind();
        boolean management = MANAGEMENT_WORDS.contains(context.arguments().strip());
        List<Command> all = commands.get();
        java.util.EnumSet<Privilege> privileges = java.util.EnumSet.noneOf(Privilege.class);
        for (Privilege p : Privilege.values()) {
            if (p.allows(member)) {
                privileges.add(p);
            }
        }
        Audience audience = new Audience(privileges, kind, management, member != null, all.size());
        return Reply.text(rendered.computeIfAbsent(audience, a -> render(all, member, kind, management)));
    }

    private String render(List<Command> all, org.unionbot.core.member.Member member,
                          org.unionbot.core.message.ConversationKind kind, boolean management) {
        StringBuilder text = new StringBuilder(messages.get(management ? "help.header.management" : "help.header"));
        int hidden = 0;
        for (Command command : all) {
            CommandSpec s = command.spec();
            if (!s.privilege().allows(member) || !s.locality().allows(kind)) {
                continue;
            }
            if (isManagement(s.privilege()) == management) {
                text.append('\n').append(messages.get("help.line", s.usage(), s.summary()));
            } else if (!management) {
                hidden++;
            }
        }
        if (hidden > 0) {
            text.append('\n').append(messages.get("help.management.hint", String.valueOf(hidden)));
        }
        if (!management) {
            text.append('\n').append(messages.get(member == null ? "help.footer.unbound" : "help.footer"));
        }
        return text.toString();
    }

    private static final java.util.Set<String> MANAGEMENT_WORDS = java.util.Set.of("管理", "委员", "全部", "admin", "all");

    private static boolean isManagement(Privilege privilege) {
        return privilege == Privilege.GROUP_LEADER || privilege == Privilege.COMMITTEE || privilege == Privilege.CHAIR;
    }
}
