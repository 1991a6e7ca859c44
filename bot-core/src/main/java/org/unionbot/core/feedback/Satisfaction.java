package org.unionbot.core.feedback;

import java.util.Optional;

/** The proposer's verdict on the reply. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Satisfaction> parse(String text) {
        for (Satisfaction s : values()) {
            if (s.label.equals(text.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
