package org.unionbot.core.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Suggestions in memory, with the same conditional-update rule as the database. */
public final class InMemorySuggestionRepository implements SuggestionRepository {
    private final Map<Long, Suggestion> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(Suggestion s) {
        boolean taken = rows.containsKey(s.id()) || rows.values().stream()
                .anyMatch(r -> r.ref().equals(s.ref()) || r.codeHash().equals(s.codeHash()));
        if (taken) {
            return false;
        }
        rows.put(s.id(), s);
        return true;
    }

    @Override
    public synchronized Optional<Suggestion> findByRef(String ref) {
        return rows.values().stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    @Override
    public synchronized Optional<Suggestion> findByCodeHash(String codeHash) {
        return rows.values().stream().filter(s -> s.codeHash().equals(codeHash)).findFirst();
    }

    @Override
    public synchronized List<Suggestion> findByStatus(Collection<SuggestionStatus> statuses) {
        return rows.values().stream().filter(s -> statuses.contains(s.status()))
                .sorted(Comparator.comparing(Suggestion::submittedOn)).toList();
    }

    @Override
    public synchronized boolean update(Suggestion s, SuggestionStatus expected) {
        Suggestion current = rows.get(s.id());
        if (current == null || current.status() != expected) {
            return false;
        }
        rows.put(s.id(), s);
        return true;
    }

    @Override
    public synchronized List<Suggestion> findUnpublishedAnswers(int limit) {
        return rows.values().stream().filter(s -> s.answer() != null && s.publishedOn() == null)
                .filter(s -> s.status() == SuggestionStatus.ANSWERED || s.status() == SuggestionStatus.CLOSED)
                .limit(limit).toList();
    }

    @Override
    public synchronized void markPublished(Collection<Long> ids, LocalDate on) {
        for (Long id : ids) {
            Suggestion s = rows.get(id);
            rows.put(id, new Suggestion(s.id(), s.ref(), s.codeHash(), s.mode(), s.senderMemberId(), s.submittedOn(),
                    s.submittedAt(), s.body(), s.status(), s.assigneeMemberId(), s.assigneeGroupId(), s.answer(),
                    s.answeredAt(), s.answeredBy(), s.closedAt(), on));
        }
    }

    synchronized List<Suggestion> all() {
        return new ArrayList<>(rows.values());
    }
}
