package org.unionbot.core.message;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a reply. Adapters render each kind in their platform's format; a kind an adapter does not
 * know is rendered as its {@link #plainText()}, so adding a kind never silences a platform.
 */
public sealed interface Content permits Content.Text, Content.KnowledgeAnswer, Content.Choices {

    /** The content as plain text, for platforms and logs that show only text. */
    String plainText();

    /** Plain text; platforms that support markdown may still show it verbatim. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /**
     * An answer from the union's knowledge base. Adapters that know it can show the entry it came from
     * (the web chat sends id, title and confidence so clients and tests can tell it from other text).
     *
     * @param confidence how sure the matcher was, 0..1
     */
    record KnowledgeAnswer(String text, String entryId, String title, double confidence) implements Content {
        public KnowledgeAnswer {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    /**
     * A question with numbered options; the member answers with the number. Platforms with buttons show
     * the options as buttons that send the number; the others show the numbered list.
     */
    record Choices(String prompt, List<String> options) implements Content {
        public Choices {
            Objects.requireNonNull(prompt, "prompt");
            options = List.copyOf(options);
        }

        @Override
        public String plainText() {
            StringBuilder text = new StringBuilder(prompt);
            for (int i = 0; i < options.size(); i++) {
                text.append('\n').append(i + 1).append(". ").append(options.get(i));
            }
            return text.toString();
        }
    }
}
