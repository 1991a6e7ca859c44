package org.unionbot.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionbot.core.message.Content;

/**
 * One message as the page shows it: {@code {"type": "text", "text": "..."}}, with {@code "at"} when it
 * waited in the inbox. Absent fields are left out, so new kinds of content (knowledge cards, choices) add
 * fields here without changing what existing pages read.
 *
 * @param type what kind of content; the page renders unknown types as their {@code text}
 * @param text the text, shown verbatim (the page never interprets it as HTML)
 * @param at ISO-8601 instant the message was put in the inbox; null for a direct reply
 * @param knowledge for {@code "type": "knowledge"}: which entry answered and how sure the bot was
 * @param choices for {@code "type": "choices"}: the options; the page shows them as buttons sending their
 *     number (1, 2, 3), and {@code text} holds the prompt with the numbered list for plain clients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplyView(String type, String text, String at, KnowledgeView knowledge, List<String> choices) {

    /** The knowledge entry behind an answer. */
    record KnowledgeView(String id, String title, double confidence) {}

    private static final Logger LOG = LoggerFactory.getLogger(ReplyView.class);

    static List<ReplyView> of(List<Content> contents, Instant at) {
        List<ReplyView> views = new ArrayList<>(contents.size());
        for (Content content : contents) {
            ReplyView view = of(content, at);
            if (view != null) {
                views.add(view);
            }
        }
        return List.copyOf(views);
    }

    /** The view of one content, or null for a kind the web chat cannot show yet (logged, not failed). */
    static ReplyView of(Content content, Instant at) {
        String when = at == null ? null : at.toString();
        if (content instanceof Content.Text text) {
            return new ReplyView("text", text.text(), when, null, null);
        }
        if (content instanceof Content.KnowledgeAnswer answer) {
            return new ReplyView("knowledge", answer.text(), when,
                    new KnowledgeView(answer.entryId(), answer.title(), answer.confidence()), null);
        }
        if (content instanceof Content.Choices choices) {
            return new ReplyView("choices", choices.plainText(), when, null, choices.options());
        }
        LOG.warn("the web chat cannot show {} content yet; left out", content.getClass().getSimpleName());
        return null;
    }
}
