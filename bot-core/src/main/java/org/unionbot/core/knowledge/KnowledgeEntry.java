package org.unionbot.core.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One answer the union stands behind: the ways members ask for it, the answer (which may contain
 * {@code ${setting}} placeholders filled from the school's settings), and where it comes from, so the
 * bot can cite a document or the union's own decision instead of inventing a rule.
 *
 * @param questions several phrasings of the same question; retrieval matches against all of them
 * @param source the document and article the answer rests on, e.g. 《工会法》第四十三条, or the school's rule
 * @param effective since when the answer applies; null when the source gives no date
 * @param contact the settings key suffix ({@code contacts.<contact>}) of the committee member who knows
 *     this topic; null for the default contact
 * @param personal when set, the answer is read from the asking member's own record instead of {@code answer}
 * @param origin {@code file} for entries from YAML files, {@code chat} for entries a committee member
 *     made from an unanswered question (those survive reloads of the files)
 */
public record KnowledgeEntry(
        String id,
        String title,
        List<String> questions,
        String answer,
        String category,
        String audience,
        String source,
        LocalDate effective,
        String contact,
        PersonalTopic personal,
        String origin) {

    public static final String ORIGIN_FILE = "file";
    public static final String ORIGIN_CHAT = "chat";

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(questions);
        answer = answer == null ? "" : answer;
        category = category == null || category.isBlank() ? "其他" : category;
        audience = audience == null || audience.isBlank() ? "全体会员" : audience;
        source = source == null ? "" : source;
        origin = origin == null ? ORIGIN_FILE : origin;
    }
}
