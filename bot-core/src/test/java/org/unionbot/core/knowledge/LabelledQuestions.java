package org.unionbot.core.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled question set (questions.tsv): expected entry id, or null for out-of-scope questions. */
record LabelledQuestions(List<Item> items) {
    record Item(String expected, String question) {
        boolean outOfScope() {
            return expected == null;
        }
    }

    static LabelledQuestions load() {
        try (InputStream in = LabelledQuestions.class.getResourceAsStream("questions.tsv")) {
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                items.add(new Item(parts[0].equals("-") ? null : parts[0], parts[1]));
            }
            return new LabelledQuestions(List.copyOf(items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
