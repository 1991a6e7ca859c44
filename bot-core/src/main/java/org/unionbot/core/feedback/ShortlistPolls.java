package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.List;
import org.unionbot.core.member.Member;

/**
 * The seam between idea rounds and the polls feature: turns a shortlist into a poll. The polls feature
 * (built separately) implements it; until an implementation is registered, {@code 金点子投票} says that
 * voting is not available and shows the shortlist instead. No fake implementation exists on purpose.
 */
public interface ShortlistPolls {

    /**
     * Opens a poll among the members with the options in order.
     *
     * @param createdBy the committee member who turned the shortlist into a poll (the poll's audit names them)
     * @return what to tell the committee member, e.g. the poll's number and how members vote
     */
    String createPoll(String title, List<String> options, Instant closesAt, Member createdBy);
}
