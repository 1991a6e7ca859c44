package org.unionbot.adapter.dingtalk;

import org.unionbot.core.poll.Poll;

/**
 * How a member's personal link to a poll's web page is made, for the ActionCard that stands in for an
 * interactive card where no template is configured. The composition root supplies the web adapter's signed
 * links; the adapter does not depend on the web adapter itself.
 */
@FunctionalInterface
public interface PollPageLinks {
    String voteUrl(Poll poll, long memberId);
}
