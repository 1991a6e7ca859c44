package org.unionbot.core.poll;

import java.time.Instant;
import java.util.List;
import org.unionbot.core.feedback.ShortlistPolls;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;

/**
 * The polls feature's side of the idea rounds' seam: a round's shortlist (金点子) becomes a named
 * single-choice poll of all active members, results visible live, open for the round's voting period.
 * The dependency runs one way: polls implement the feedback feature's port.
 */
public final class IdeaShortlistPolls implements ShortlistPolls {
    /** A poll option holds at most 100 characters; an idea may be longer. */
    static final int MAX_OPTION = 100;

    private final PollService polls;
    private final Messages messages;

    public IdeaShortlistPolls(PollService polls, Messages messages) {
        this.polls = polls;
        this.messages = messages;
    }

    @Override
    public String createPoll(String title, List<String> options, Instant closesAt, Member createdBy) {
        List<String> shortened = options.stream()
                .map(o -> o.length() <= MAX_OPTION ? o : o.substring(0, MAX_OPTION - 1) + "…").toList();
        PollDraft draft = new PollDraft(title.length() <= 200 ? title : title.substring(0, 200), PollKind.SINGLE,
                shortened, 1, 0, Electorate.all(), false, true, Visibility.LIVE, closesAt, null, null);
        Poll poll = polls.open(draft, createdBy);
        return messages.get("idea.poll.opened", polls.id(poll), polls.deadline(poll));
    }
}
