package org.unionbot.core.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A command as declared: its Chinese name, other names (Chinese or English), how to use it, who may run
 * it and where. Validated on construction; the registry refuses two commands sharing a name.
 *
 * @param usage the usage line shown by 帮助, e.g. "绑定 <绑定码>"
 * @param summary one line saying what the command does
 */
public record CommandSpec(String name, List<String> aliases, String usage, String summary,
                          Privilege privilege, Locality locality) {

    public CommandSpec {
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(locality, "locality");
        name = requireWord(name, "name");
        usage = usage == null || usage.isBlank() ? name : usage.strip();
        summary = Objects.requireNonNull(summary, "summary").strip();
        List<String> cleaned = new ArrayList<>();
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            cleaned.add(requireWord(alias, "alias"));
        }
        aliases = List.copyOf(cleaned);
        Set<String> all = new LinkedHashSet<>();
        for (String n : names(name, aliases)) {
            if (!all.add(n)) {
                throw new IllegalArgumentException("command " + name + " repeats the name " + n);
            }
        }
    }

    /** Every name the command answers to, normalised for matching (lower case). */
    public List<String> allNames() {
        return names(name, aliases);
    }

    private static List<String> names(String name, List<String> aliases) {
        List<String> all = new ArrayList<>();
        all.add(name.toLowerCase(Locale.ROOT));
        for (String alias : aliases) {
            all.add(alias.toLowerCase(Locale.ROOT));
        }
        return all;
    }

    private static String requireWord(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("command " + what + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("command " + what + " must be one word: " + stripped);
        }
        return stripped;
    }
}
