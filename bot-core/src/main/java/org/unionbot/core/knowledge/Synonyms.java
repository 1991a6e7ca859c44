package org.unionbot.core.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words members use for the same thing (体检 / 检查身体, 慰问 / 看望 / 探望). Each group's first word is
 * its canonical form; every other word is rewritten to it in entries and questions alike, before
 * segmentation, so that BM25 and the n-grams see one word. The union extends the groups in its YAML files.
 */
final class Synonyms {
    static final Synonyms NONE = new Synonyms(List.of());

    /** Variants, longest first, so 教职工代表大会 is replaced before 代表大会 could be. */
    private final List<Map.Entry<String, String>> replacements;

    Synonyms(List<List<String>> groups) {
        Map<String, String> toCanonical = new LinkedHashMap<>();
        for (List<String> group : groups) {
            if (group.size() < 2) {
                continue;
            }
            String canonical = TextFolding.fold(group.get(0).strip());
            // The canonical word maps to itself, so a variant inside it (小组 in 工会小组) is never
            // rewritten: at each position the longest known word wins.
            toCanonical.putIfAbsent(canonical, canonical);
            for (String variant : group.subList(1, group.size())) {
                String folded = TextFolding.fold(variant.strip());
                if (!folded.isEmpty()) {
                    toCanonical.putIfAbsent(folded, canonical);
                }
            }
        }
        List<Map.Entry<String, String>> sorted = new ArrayList<>(toCanonical.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.replacements = List.copyOf(sorted);
    }

    /** Rewrites every variant in already folded text to its canonical word. */
    String canonical(String folded) {
        if (replacements.isEmpty()) {
            return folded;
        }
        StringBuilder out = new StringBuilder(folded.length());
        int i = 0;
        outer:
        while (i < folded.length()) {
            for (Map.Entry<String, String> r : replacements) {
                if (folded.startsWith(r.getKey(), i)) {
                    out.append(r.getValue());
                    i += r.getKey().length();
                    continue outer;
                }
            }
            out.append(folded.charAt(i++));
        }
        return out.toString();
    }

    /**
     * Splits folded text into the words the union listed (rewritten to their canonical form, marked
     * known) and the text between them. Known words are kept whole as the union's vocabulary: the
     * segmenter does not know 教代会 or 五必访 and would cut them into characters.
     */
    List<Segment> segments(String folded) {
        List<Segment> out = new ArrayList<>();
        StringBuilder free = new StringBuilder();
        int i = 0;
        outer:
        while (i < folded.length()) {
            for (Map.Entry<String, String> r : replacements) {
                if (folded.startsWith(r.getKey(), i)) {
                    if (!free.isEmpty()) {
                        out.add(new Segment(free.toString(), false));
                        free.setLength(0);
                    }
                    out.add(new Segment(r.getValue(), true));
                    i += r.getKey().length();
                    continue outer;
                }
            }
            free.append(folded.charAt(i++));
        }
        if (!free.isEmpty()) {
            out.add(new Segment(free.toString(), false));
        }
        return out;
    }

    /** A piece of a question: a word from the synonym lists, or text for the segmenter. */
    record Segment(String text, boolean known) {}

    int size() {
        return replacements.size();
    }
}
