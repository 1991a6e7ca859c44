package org.unionbot.core.poll;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The content of one ballot: option numbers (1-based, ascending) or, for a rating poll, one score per
 * option. An empty list is a blank ballot. Stored as "1,3" so the ballot table holds nothing else.
 */
public record Choices(List<Integer> values) {
    public Choices {
        values = List.copyOf(values);
    }

    public String encode() {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static Choices decode(String text) {
        if (text == null || text.isBlank()) {
            return new Choices(List.of());
        }
        return new Choices(java.util.Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList());
    }
}
