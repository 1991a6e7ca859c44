package org.unionbot.core.poll;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.member.Member;

/** Finding the poll a committee command is about: "#12" when given, else the only open poll. */
final class PollCommandSupport {
    private static final Pattern REF = Pattern.compile("[#＃]?(\\d{1,12})");

    private PollCommandSupport() {
    }

    sealed interface Pick permits Found, Ambiguous, None {}

    record Found(Poll poll) implements Pick {}

    record Ambiguous(List<Poll> candidates) implements Pick {}

    record None() implements Pick {}

    static Pick pick(PollService service, String arguments, Member member, boolean committeeWide) {
        Matcher m = REF.matcher(arguments.strip());
        if (m.lookingAt()) {
            return service.find(Long.parseLong(m.group(1))).<Pick>map(Found::new).orElse(new None());
        }
        List<Poll> candidates = committeeWide
                ? service.repository().recent(20).stream().filter(Poll::isOpen).toList()
                : service.openPollsFor(member);
        if (candidates.isEmpty() && committeeWide) {
            // the most recent poll, open or not, for 投票结果 / 选票公示 after close
            Optional<Poll> latest = service.repository().recent(1).stream().findFirst();
            return latest.<Pick>map(Found::new).orElse(new None());
        }
        if (candidates.size() == 1) {
            return new Found(candidates.get(0));
        }
        return candidates.isEmpty() ? new None() : new Ambiguous(candidates);
    }

    static String list(PollService service, List<Poll> polls) {
        StringBuilder b = new StringBuilder();
        for (Poll p : polls) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(service.messages().get("poll.list.line", service.id(p), p.title(), service.deadline(p),
                    service.messages().get(p.secret() ? "poll.mode.secret" : "poll.mode.named")));
        }
        return b.toString();
    }

    /** How to vote in this poll, with its options: the ballot as shown in chat. */
    static String ballot(PollService service, Poll poll) {
        var msg = service.messages();
        StringBuilder b = new StringBuilder(msg.get("poll.ballot.header", service.id(poll), poll.title(),
                service.deadline(poll), msg.get(poll.secret() ? "poll.mode.secret" : "poll.mode.named")));
        for (int i = 0; i < poll.spec().options().size(); i++) {
            b.append('\n').append(i + 1).append(". ").append(poll.spec().options().get(i));
        }
        b.append('\n').append(msg.get("poll.howto." + poll.kind().name(), String.valueOf(poll.spec().maxChoices()),
                String.valueOf(poll.spec().scaleMax()), service.id(poll)));
        return b.toString();
    }
}
