package org.unionbot.core.message;

import java.util.Objects;

/**
 * One piece of a reply. Adapters render each kind in their platform's format; a kind an adapter does not
 * know is rendered as its {@link #plainText()}, so adding a kind never silences a platform.
 */
public sealed interface Content permits Content.Text {

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
}
