package org.unionbot.core.calendar;

import java.util.List;
import java.util.Optional;

/** Finds a series by what a member calls it: its key, its title or part of it, or its festival (中秋). */
final class SeriesFinder {
    private SeriesFinder() {
    }

    static Optional<StoredSeries> find(List<StoredSeries> all, String words) {
        String w = words.strip();
        if (w.isEmpty()) {
            return Optional.empty();
        }
        for (StoredSeries s : all) {
            if (s.key().equalsIgnoreCase(w) || s.title().equals(w)) {
                return Optional.of(s);
            }
        }
        for (StoredSeries s : all) {
            if (s.title().contains(w) || w.contains(s.title())) {
                return Optional.of(s);
            }
        }
        // By festival: "中秋" finds the series whose rule is 中秋's rule.
        for (String name : RuleParser.names()) {
            if (w.contains(name)) {
                Optional<DateRule> rule = RuleParser.named(name);
                for (StoredSeries s : all) {
                    if (rule.isPresent() && rule.get().equals(s.item().rule())) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
