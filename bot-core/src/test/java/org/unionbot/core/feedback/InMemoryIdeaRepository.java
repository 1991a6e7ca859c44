package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryIdeaRepository implements IdeaRepository {
    private final List<IdeaRound> rounds = new ArrayList<>();
    private final List<Idea> ideas = new ArrayList<>();

    @Override
    public synchronized IdeaRound createRound(String theme, Instant opensAt, Instant deadline) {
        IdeaRound round = new IdeaRound(rounds.size() + 1, theme, opensAt, deadline);
        rounds.add(round);
        return round;
    }

    @Override
    public synchronized Optional<IdeaRound> latestRound() {
        return rounds.stream().max(Comparator.comparing(IdeaRound::opensAt).thenComparing(IdeaRound::id));
    }

    @Override
    public synchronized Idea insert(Idea idea) {
        int next = (int) ideas.stream().filter(i -> i.roundId() == idea.roundId()).count() + 1;
        Idea stored = new Idea(ideas.size() + 1, idea.roundId(), next, idea.authorId(), idea.text(), idea.shortlisted());
        ideas.add(stored);
        return stored;
    }

    @Override
    public synchronized List<Idea> ideas(long roundId) {
        return ideas.stream().filter(i -> i.roundId() == roundId).toList();
    }

    @Override
    public synchronized void setShortlist(long roundId, Collection<Integer> numbers) {
        ideas.replaceAll(i -> i.roundId() != roundId ? i
                : new Idea(i.id(), i.roundId(), i.number(), i.authorId(), i.text(), numbers.contains(i.number())));
    }
}
