package org.unionbot.persistence.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.unionbot.core.feedback.Suggestion;
import org.unionbot.core.feedback.SuggestionMode;
import org.unionbot.core.feedback.SuggestionRepository;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.persistence.feedback.mapper.SuggestionMapper;
import org.unionbot.persistence.feedback.mapper.SuggestionRow;

/** Suggestions in the {@code suggestion} table (V40). */
public final class MyBatisSuggestionRepository implements SuggestionRepository {
    private final SuggestionMapper mapper;

    public MyBatisSuggestionRepository(SuggestionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean insert(Suggestion suggestion) {
        try {
            mapper.insert(toRow(suggestion));
            return true;
        } catch (DuplicateKeyException taken) {
            return false; // id, ref or code drawn twice; the service draws again
        }
    }

    @Override
    public Optional<Suggestion> findByRef(String ref) {
        return Optional.ofNullable(mapper.selectByRef(ref)).map(MyBatisSuggestionRepository::fromRow);
    }

    @Override
    public Optional<Suggestion> findByCodeHash(String codeHash) {
        return Optional.ofNullable(mapper.selectByCodeHash(codeHash)).map(MyBatisSuggestionRepository::fromRow);
    }

    @Override
    public List<Suggestion> findByStatus(Collection<SuggestionStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return mapper.selectByStatus(statuses.stream().map(Enum::name).toList()).stream()
                .map(MyBatisSuggestionRepository::fromRow).toList();
    }

    @Override
    public boolean update(Suggestion suggestion, SuggestionStatus expected) {
        return mapper.update(toRow(suggestion), expected.name()) == 1;
    }

    @Override
    public List<Suggestion> findUnpublishedAnswers(int limit) {
        return mapper.selectUnpublishedAnswers(limit).stream().map(MyBatisSuggestionRepository::fromRow).toList();
    }

    @Override
    public void markPublished(Collection<Long> ids, LocalDate on) {
        if (!ids.isEmpty()) {
            mapper.markPublished(ids, on);
        }
    }

    private static SuggestionRow toRow(Suggestion s) {
        SuggestionRow row = new SuggestionRow();
        row.id = s.id();
        row.ref = s.ref();
        row.codeHash = s.codeHash();
        row.mode = s.mode().name();
        row.senderMemberId = s.senderMemberId();
        row.submittedOn = s.submittedOn();
        row.submittedAt = toDb(s.submittedAt());
        row.body = s.body();
        row.status = s.status().name();
        row.assigneeMemberId = s.assigneeMemberId();
        row.assigneeGroupId = s.assigneeGroupId();
        row.answer = s.answer();
        row.answeredAt = toDb(s.answeredAt());
        row.answeredBy = s.answeredBy();
        row.closedAt = toDb(s.closedAt());
        row.publishedOn = s.publishedOn();
        return row;
    }

    private static Suggestion fromRow(SuggestionRow r) {
        return new Suggestion(r.id, r.ref, r.codeHash, SuggestionMode.valueOf(r.mode), r.senderMemberId, r.submittedOn,
                fromDb(r.submittedAt), r.body, SuggestionStatus.valueOf(r.status), r.assigneeMemberId,
                r.assigneeGroupId, r.answer, fromDb(r.answeredAt), r.answeredBy, fromDb(r.closedAt), r.publishedOn);
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
