package org.unionbot.persistence.feedback;

import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.fromDb;
import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionbot.core.feedback.Idea;
import org.unionbot.core.feedback.IdeaRepository;
import org.unionbot.core.feedback.IdeaRound;
import org.unionbot.persistence.feedback.mapper.IdeaMapper;
import org.unionbot.persistence.feedback.mapper.IdeaRoundRow;
import org.unionbot.persistence.feedback.mapper.IdeaRow;

/** Idea rounds and ideas (V43); numbers are drawn under a lock on the round row, like proposals. */
public final class MyBatisIdeaRepository implements IdeaRepository {
    private final IdeaMapper mapper;
    private final TransactionTemplate transactions;

    public MyBatisIdeaRepository(IdeaMapper mapper, TransactionTemplate transactions) {
        this.mapper = mapper;
        this.transactions = transactions;
    }

    @Override
    public IdeaRound createRound(String theme, Instant opensAt, Instant deadline) {
        IdeaRoundRow row = new IdeaRoundRow();
        row.theme = theme;
        row.opensAt = toDb(opensAt);
        row.deadline = toDb(deadline);
        mapper.insertRound(row);
        return round(row);
    }

    @Override
    public Optional<IdeaRound> latestRound() {
        return Optional.ofNullable(mapper.selectLatestRound()).map(MyBatisIdeaRepository::round);
    }

    @Override
    public Idea insert(Idea idea) {
        return transactions.execute(status -> {
            if (mapper.lockRound(idea.roundId()) == null) {
                throw new IllegalArgumentException("no idea round " + idea.roundId());
            }
            IdeaRow row = new IdeaRow();
            row.roundId = idea.roundId();
            row.number = mapper.selectNextNumber(idea.roundId());
            row.authorId = idea.authorId();
            row.text = idea.text();
            row.shortlisted = idea.shortlisted();
            mapper.insert(row);
            return idea(row);
        });
    }

    @Override
    public List<Idea> ideas(long roundId) {
        return mapper.selectByRound(roundId).stream().map(MyBatisIdeaRepository::idea).toList();
    }

    @Override
    public void setShortlist(long roundId, Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("a shortlist needs numbers");
        }
        mapper.setShortlist(roundId, numbers);
    }

    private static IdeaRound round(IdeaRoundRow r) {
        return new IdeaRound(r.id, r.theme, fromDb(r.opensAt), fromDb(r.deadline));
    }

    private static Idea idea(IdeaRow r) {
        return new Idea(r.id, r.roundId, r.number, r.authorId, r.text, r.shortlisted);
    }
}
