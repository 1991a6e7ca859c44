package org.unionbot.core.command;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All commands, found by name or alias. Two commands claiming one name is a programming error that
 * must surface at start-up, not as a command that silently never runs.
 */
public final class CommandRegistry {

    /** A command matched in a message, with the rest of the text as its arguments. */
    public record Match(Command command, String arguments) {}

    private final List<Command> commands;
    private final Map<String, Command> byName = new HashMap<>();

    public CommandRegistry(List<? extends Command> commands) {
        this.commands = List.copyOf(commands);
        for (Command command : this.commands) {
            for (String name : command.spec().allNames()) {
                Command previous = byName.putIfAbsent(name, command);
                if (previous != null) {
                    throw new IllegalStateException("command name \"" + name + "\" is claimed by both "
                            + previous.spec().name() + " and " + command.spec().name());
                }
            }
        }
    }

    public List<Command> commands() {
        return commands;
    }

    /**
     * Finds the command a message starts with. The name must stand alone: followed by the end, a space
     * or a colon, or (for a Chinese name) directly by an ASCII letter or digit as in "绑定AB12CD". So
     * "帮助" runs the help command while "帮助困难职工怎么申请" stays a question.
     */
    public Optional<Match> match(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        int end = 0;
        while (end < trimmed.length() && !isSeparator(trimmed.charAt(end))) {
            end++;
        }
        // Try the whole first word, then shorter prefixes for names glued to ASCII arguments.
        for (int cut = end; cut > 0; cut--) {
            String candidate = trimmed.substring(0, cut).toLowerCase(Locale.ROOT);
            Command command = byName.get(candidate);
            if (command == null) {
                continue;
            }
            if (cut == end || isGluedArgument(candidate, trimmed.substring(cut, end))) {
                String rest = trimmed.substring(cut);
                return Optional.of(new Match(command, stripSeparators(rest)));
            }
        }
        return Optional.empty();
    }

    private static boolean isGluedArgument(String name, String rest) {
        char last = name.charAt(name.length() - 1);
        if (last < 0x2E80) {
            return false; // ASCII names need a space: "help" is not "helpme"
        }
        return rest.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ':' || c == '：' || c == '\u3000';
    }

    private static String stripSeparators(String rest) {
        int i = 0;
        while (i < rest.length() && isSeparator(rest.charAt(i))) {
            i++;
        }
        return rest.substring(i).strip();
    }
}
