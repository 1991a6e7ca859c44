package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.List;

/**
 * The seam between idea rounds and the polls feature: turns a shortlist into a poll. The polls feature
 * (built separately) implements it; until an implementation is registered, {@code 金点子投票} says that
 * voting is not available and shows the shortlist instead. No fake implementation exists on purpose.
 */
public interface ShortlistPolls {

    /**
     * Opens a poll among the members with the options in order.
     *
     * @return what to tell the committee member, e.g. the poll's number and how members vote
     */
    String createPoll(String title, List<String> options, Instant closesAt);
}
