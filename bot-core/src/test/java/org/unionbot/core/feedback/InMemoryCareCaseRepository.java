package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryCareCaseRepository implements CareCaseRepository {
    private final Map<Long, CareCase> rows = new LinkedHashMap<>();
    private final List<CareNote> notes = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized Optional<CareCase> insert(CareCase c) {
        if (rows.values().stream().anyMatch(r -> r.ref().equals(c.ref()))) {
            return Optional.empty();
        }
        CareCase stored = new CareCase(nextId++, c.ref(), c.type(), c.reporterMemberId(), c.subjectMemberId(),
                c.subjectName(), c.details(), c.assigneeMemberId(), c.status(), c.reportedAt(), c.closedAt());
        rows.put(stored.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<CareCase> findByRef(String ref) {
        return rows.values().stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    @Override
    public synchronized List<CareCase> findOpen() {
        return rows.values().stream().filter(c -> c.status() == CareStatus.OPEN)
                .sorted(Comparator.comparing(CareCase::reportedAt)).toList();
    }

    @Override
    public synchronized List<CareCase> findClosed(Long assigneeMemberId, int limit) {
        return rows.values().stream().filter(c -> c.status() == CareStatus.CLOSED)
                .filter(c -> assigneeMemberId == null || assigneeMemberId.equals(c.assigneeMemberId()))
                .sorted(Comparator.comparing(CareCase::closedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparing(CareCase::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized void addNote(CareNote note) {
        notes.add(note);
    }

    @Override
    public synchronized List<CareNote> notes(long caseId) {
        return notes.stream().filter(n -> n.caseId() == caseId).toList();
    }

    @Override
    public synchronized boolean close(long caseId, Instant at) {
        CareCase c = rows.get(caseId);
        if (c == null || c.status() == CareStatus.CLOSED) {
            return false;
        }
        rows.put(caseId, new CareCase(c.id(), c.ref(), c.type(), c.reporterMemberId(), c.subjectMemberId(),
                c.subjectName(), c.details(), c.assigneeMemberId(), CareStatus.CLOSED, c.reportedAt(), at));
        return true;
    }

    synchronized List<CareCase> all() {
        return new ArrayList<>(rows.values());
    }
}
