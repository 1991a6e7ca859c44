package org.unionbot.core.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * Idea rounds (金点子): the committee opens a call with a deadline, members send ideas, the committee
 * shortlists after the deadline, and the shortlist becomes a poll through {@link ShortlistPolls} when
 * the polls feature provides it.
 */
public final class IdeaService {
    static final int MAX_IDEA = 500;
    static final Duration POLL_LENGTH = Duration.ofDays(7);

    private final IdeaRepository ideas;
    private final MemberRepository members;
    private final Optional<ShortlistPolls> polls;
    private final Messages messages;
    private final Clock clock;

    public IdeaService(IdeaRepository ideas, MemberRepository members, Optional<ShortlistPolls> polls,
                       Messages messages, Clock clock) {
        this.ideas = ideas;
        this.members = members;
        this.polls = polls;
        this.messages = messages;
        this.clock = clock;
    }

    /** 金点子征集 截止日期 主题. */
    String open(CommandContext context) {
        String first = Codes.firstWord(context.arguments());
        String theme = Codes.rest(context.arguments());
        LocalDate lastDay;
        try {
            lastDay = LocalDate.parse(first);
        } catch (DateTimeParseException bad) {
            return messages.get("idea.open.usage");
        }
        if (theme.isEmpty() || theme.length() > 200) {
            return messages.get("idea.open.usage");
        }
        Instant now = clock.instant();
        Instant deadline = lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        if (!deadline.isAfter(now)) {
            return messages.get("proposal.open.past");
        }
        Optional<IdeaRound> current = ideas.latestRound().filter(r -> r.acceptsAt(now));
        if (current.isPresent()) {
            return messages.get("idea.open.running", current.get().theme());
        }
        ideas.createRound(theme, now, deadline);
        return messages.get("idea.open.done", theme, lastDay.toString());
    }

    /** 金点子 内容. */
    String submit(CommandContext context) {
        String text = context.arguments().strip();
        Instant now = clock.instant();
        Optional<IdeaRound> round = ideas.latestRound().filter(r -> r.acceptsAt(now));
        if (round.isEmpty()) {
            return messages.get("idea.closed");
        }
        if (text.isEmpty()) {
            return messages.get("idea.usage", round.get().theme());
        }
        if (text.length() > MAX_IDEA) {
            return messages.get("suggestion.tooLong", Integer.toString(MAX_IDEA));
        }
        Idea stored = ideas.insert(new Idea(0, round.get().id(), 0, context.requireMember().id(), text, false));
        return messages.get("idea.received", round.get().theme(), Integer.toString(stored.number()));
    }

    String list(CommandContext context) {
        Optional<IdeaRound> round = ideas.latestRound();
        if (round.isEmpty()) {
            return messages.get("idea.none");
        }
        List<Idea> all = ideas.ideas(round.get().id());
        StringBuilder text = new StringBuilder(messages.get("idea.list.header", round.get().theme(),
                LocalDate.ofInstant(round.get().deadline().minusSeconds(1), clock.getZone()).toString(),
                Integer.toString(all.size())));
        for (Idea idea : all) {
            text.append('\n').append(messages.get(idea.shortlisted() ? "idea.list.lineShortlisted" : "idea.list.line",
                    Integer.toString(idea.number()), idea.text(),
                    members.findById(idea.authorId()).map(Member::name).orElse("?")));
        }
        return text.toString();
    }

    /** 金点子入围 编号 编号 …: after the deadline only, so late ideas are not overlooked. */
    String shortlist(CommandContext context) {
        Optional<IdeaRound> round = ideas.latestRound();
        if (round.isEmpty()) {
            return messages.get("idea.none");
        }
        if (round.get().acceptsAt(clock.instant())) {
            return messages.get("idea.shortlist.tooEarly");
        }
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String word : context.arguments().strip().split("[\\s,，、]+")) {
            if (!word.isBlank()) {
                try {
                    numbers.add(Integer.parseInt(word.replaceAll("[^0-9]", "")));
                } catch (NumberFormatException bad) {
                    return messages.get("idea.shortlist.usage");
                }
            }
        }
        if (numbers.isEmpty()) {
            return messages.get("idea.shortlist.usage");
        }
        List<Idea> all = ideas.ideas(round.get().id());
        for (int n : numbers) {
            if (all.stream().noneMatch(i -> i.number() == n)) {
                return messages.get("idea.unknown", Integer.toString(n));
            }
        }
        ideas.setShortlist(round.get().id(), numbers);
        return messages.get("idea.shortlist.done", Integer.toString(numbers.size()));
    }

    /** 金点子投票: the shortlist becomes a poll when the polls feature is present. */
    String toPoll(CommandContext context) {
        Optional<IdeaRound> round = ideas.latestRound();
        if (round.isEmpty()) {
            return messages.get("idea.none");
        }
        List<String> options = new ArrayList<>();
        for (Idea idea : ideas.ideas(round.get().id())) {
            if (idea.shortlisted()) {
                options.add(idea.number() + ". " + idea.text());
            }
        }
        if (options.size() < 2) {
            return messages.get("idea.poll.needTwo");
        }
        if (polls.isEmpty()) {
            return messages.get("idea.poll.unavailable", String.join("\n", options));
        }
        return polls.get().createPoll(messages.get("idea.poll.title", round.get().theme()), options,
                clock.instant().plus(POLL_LENGTH), context.requireMember());
    }
}
