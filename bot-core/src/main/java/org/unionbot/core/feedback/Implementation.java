package org.unionbot.core.feedback;

import java.util.Optional;

/** How far the school has carried out a proposal, as the committee records it. */
public enum Implementation {
    NOT_STARTED("未落实"),
    IN_PROGRESS("正在落实"),
    DONE("已落实"),
    NOT_FEASIBLE("暂不具备条件");

    private final String label;

    Implementation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Implementation> parse(String text) {
        for (Implementation i : values()) {
            if (i.label.equals(text.strip())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
