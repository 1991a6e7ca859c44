package org.unionbot.core.message;

import java.util.Objects;

/** One piece of a reply. Adapters render each kind in their platform's format. */
public sealed interface Content permits Content.Text {

    /** Plain text; platforms that support markdown may still show it verbatim. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
