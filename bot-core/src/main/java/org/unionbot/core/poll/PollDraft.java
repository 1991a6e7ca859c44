package org.unionbot.core.poll;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A poll as its creator specified it, before it opens. Validated here, so the chat flow and the API
 * refuse the same mistakes.
 *
 * @param maxChoices how many options a ballot may pick (MULTIPLE, ELECTION); 1 otherwise
 * @param scaleMax the top of the rating scale (RATING), e.g. 5; 0 otherwise
 * @param quorum null for none
 * @param threshold null for none (plurality)
 */
public record PollDraft(
        String title,
        PollKind kind,
        List<String> options,
        int maxChoices,
        int scaleMax,
        Electorate electorate,
        boolean secret,
        boolean allowChange,
        Visibility visibility,
        Instant deadline,
        Rules.Quorum quorum,
        Rules.Threshold threshold) {

    public static final List<String> RESOLUTION_OPTIONS = List.of("赞成", "反对", "弃权");
    /** The message explaining why a secret poll cannot show its tally live. */
    public static final String SECRET_LIVE_KEY = "poll.form.secretLive";

    public PollDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(electorate, "electorate");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(deadline, "deadline");
        title = Objects.requireNonNull(title, "title").strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new IllegalArgumentException("poll title must be 1..200 characters");
        }
        options = kind == PollKind.RESOLUTION ? RESOLUTION_OPTIONS
                : options.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (options.size() < (kind == PollKind.RATING ? 1 : 2) || options.size() > 50) {
            throw new IllegalArgumentException("a poll needs 2..50 options (a rating 1..50)");
        }
        if (options.stream().anyMatch(o -> o.length() > 100)) {
            throw new IllegalArgumentException("an option is longer than 100 characters");
        }
        if (kind.choosesSeveral()) {
            if (maxChoices < 1 || maxChoices > options.size()) {
                throw new IllegalArgumentException("maxChoices must be 1.." + options.size());
            }
        } else {
            maxChoices = 1;
        }
        if (kind == PollKind.RATING) {
            if (scaleMax < 2 || scaleMax > 10) {
                throw new IllegalArgumentException("a rating scale is 1..2 to 1..10");
            }
        } else {
            scaleMax = 0;
        }
    }

    /**
     * A secret ballot with a live tally: refused wherever a poll is opened or edited, because in a small poll a
     * tally that moves right after a colleague says "I just voted" tells what they chose. Not refused by this
     * constructor, so that polls stored before the rule still load (see {@link #visibilityInForce}).
     */
    public boolean liveTallyOfSecretBallot() {
        return secret && visibility == Visibility.LIVE;
    }

    /** The visibility the rules apply: a secret poll stored as LIVE before that was refused shows after close. */
    public Visibility visibilityInForce() {
        return liveTallyOfSecretBallot() ? Visibility.AFTER_CLOSE : visibility;
    }
}
