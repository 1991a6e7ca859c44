package org.unionbot.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.unionbot.core.knowledge.UnansweredQuestion;
import org.unionbot.core.knowledge.UnansweredQuestionRepository;

/** The unanswered-question log in memory, for conversation tests. */
public final class InMemoryUnansweredQuestions implements UnansweredQuestionRepository {
    private final Map<Long, UnansweredQuestion> rows = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public long record(String question, Long askerMemberId, Long assigneeMemberId, Instant askedAt) {
        long id = ids.incrementAndGet();
        rows.put(id, new UnansweredQuestion(id, question, askerMemberId, assigneeMemberId, askedAt, null));
        return id;
    }

    @Override
    public List<UnansweredQuestion> open(int limit) {
        return rows.values().stream().filter(UnansweredQuestion::open)
                .sorted(Comparator.comparing(UnansweredQuestion::askedAt).thenComparing(UnansweredQuestion::id))
                .limit(limit).toList();
    }

    @Override
    public Optional<UnansweredQuestion> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean resolve(long id, String entryId, Instant resolvedAt) {
        UnansweredQuestion q = rows.get(id);
        if (q == null || !q.open()) {
            return false;
        }
        rows.put(id, new UnansweredQuestion(id, q.question(), q.askerMemberId(), q.assigneeMemberId(), q.askedAt(),
                entryId));
        return true;
    }
}
