package org.unionbot.core.message;

import java.util.List;
import java.util.Objects;

/**
 * What the engine answers to one inbound message. Adapters render {@link Say} in the platform's format;
 * {@link Silent} and {@link Deferred} become the platform's empty acknowledgement (WeChat "success").
 */
public sealed interface Reply permits Reply.Say, Reply.Silent, Reply.Deferred {

    /**
     * Say these contents in the conversation the message came from.
     *
     * @param confidential the contents link the recipient to something that must stay secret (their choice
     *     in a secret ballot, its receipt code): whoever keeps such a reply at rest (the web inbox of a
     *     deferred answer) must seal it, and nobody may log it
     */
    record Say(List<Content> contents, boolean confidential) implements Reply {
        public Say {
            contents = List.copyOf(contents);
            if (contents.isEmpty()) {
                throw new IllegalArgumentException("a Say needs content; use Silent to say nothing");
            }
        }

        public Say(List<Content> contents) {
            this(contents, false);
        }

        @Override
        public String toString() {
            // Replies may carry personal or secret text: a log line gets the shape only.
            return "Say[" + contents.size() + " part(s)" + (confidential ? ", confidential" : "") + "]";
        }

        public String text() {
            StringBuilder all = new StringBuilder();
            for (Content content : contents) {
                if (!all.isEmpty()) {
                    all.append('\n');
                }
                all.append(content.plainText());
            }
            return all.toString();
        }
    }

    /** Nothing to say: a retried platform message, or a group message not addressed to the bot. */
    record Silent(String reason) implements Reply {
        public Silent {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The answer was not ready within the platform's deadline; it follows through the outbound port.
     *
     * @param ticket identifies the pending answer in logs
     */
    record Deferred(String ticket) implements Reply {
        public Deferred {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    static Say text(String text) {
        return new Say(List.of(new Content.Text(text)));
    }

    /** A text that must stay secret at rest and out of logs (see {@link Say#confidential()}). */
    static Say confidentialText(String text) {
        return new Say(List.of(new Content.Text(text)), true);
    }
}
