package org.unionbot.core.poll;

/**
 * What a ballot looks like. Options are numbered from 1 in every kind; a rating poll's options are the
 * people (or items) rated, and its ballot holds one score per option.
 */
public enum PollKind {
    /** One option. */
    SINGLE,
    /** Up to {@code maxChoices} options. */
    MULTIPLE,
    /** 赞成 / 反对 / 弃权, options fixed in that order. */
    RESOLUTION,
    /** Up to {@code maxChoices} of the candidates; the top N meeting the threshold are elected. */
    ELECTION,
    /** Each option rated 1..{@code scaleMax} (民主评议). */
    RATING;

    public boolean choosesSeveral() {
        return this == MULTIPLE || this == ELECTION;
    }
}
