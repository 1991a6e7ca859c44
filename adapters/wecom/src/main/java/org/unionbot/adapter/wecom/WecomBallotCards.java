package org.unionbot.adapter.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollBallotPresenter;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;

/**
 * Puts a poll's ballot in front of a WeCom member as a {@code vote_interaction} card in the union app's
 * private chat. The card's submit key is {@code 投 #<poll>} and its option ids are the option numbers, so
 * the {@code template_card_event} that WeCom sends on submit reaches the engine as the member's own
 * {@code 投 #<poll> 2} (see {@link WecomCallbackHandler}): the chat's vote path decides, once per member.
 *
 * <p>Rating polls (a score for each of several people) do not fit a checkbox card and keep the text; so do
 * polls with more options than a card holds (20), and members the app has no way to reach.
 */
final class WecomBallotCards implements PollBallotPresenter {
    /** WeCom's vote_interaction limits: 20 options, option text 11 characters. */
    static final int MAX_OPTIONS = 20;
    static final int MAX_OPTION_TEXT = 11;

    private final WecomMessenger messenger;
    private final PollService polls;
    private final Clock clock;

    WecomBallotCards(WecomMessenger messenger, PollService polls, Clock clock) {
        this.messenger = messenger;
        this.polls = polls;
        this.clock = clock;
    }

    @Override
    public boolean presentPrivately(PlatformIdentity voter, Poll poll) {
        if (voter.platform() != Platform.WECOM || poll.spec().kind() == PollKind.RATING
                || poll.spec().options().size() > MAX_OPTIONS) {
            return false;
        }
        Optional<WecomSettings.Account> account = messenger.appFor(voter.platformUserId());
        if (account.isEmpty()) {
            return false;
        }
        messenger.sendVoteCard(account.get().corpId(), account.get().agentId(), List.of(voter.platformUserId()),
                card(poll, voter.platformUserId()), false);
        return true;
    }

    WecomMessenger.VoteCard card(Poll poll, String userId) {
        List<WecomMessenger.VoteCard.Option> options = new ArrayList<>();
        List<String> labels = poll.spec().options();
        for (int i = 0; i < labels.size(); i++) {
            options.add(new WecomMessenger.VoteCard.Option(String.valueOf(i + 1), shorten(labels.get(i))));
        }
        String mode = WecomTexts.get(poll.secret() ? "ballot.card.secret" : "ballot.card.named");
        if (poll.spec().maxChoices() > 1) {
            mode += WecomTexts.get("ballot.card.max", String.valueOf(poll.spec().maxChoices()));
        }
        String id = polls.id(poll);
        return new WecomMessenger.VoteCard(poll.title(), WecomTexts.get("ballot.card.desc", polls.deadline(poll), mode),
                taskId(poll.id(), userId), "poll" + id, options, poll.spec().maxChoices() > 1,
                WecomTexts.get("ballot.card.submit"), "投 #" + id);
    }

    /** Unique per card (WeCom refuses a reused task_id); letters, digits and '_' only; no user id in clear. */
    private String taskId(long pollId, String userId) {
        return "poll" + pollId + "_" + digest(userId) + "_" + clock.millis();
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= MAX_OPTION_TEXT ? label
                : label.substring(0, label.offsetByCodePoints(0, MAX_OPTION_TEXT - 1)) + "…";
    }

    private static String digest(String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
