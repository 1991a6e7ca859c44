package org.unionbot.persistence.knowledge;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.unionbot.core.knowledge.UnansweredQuestion;
import org.unionbot.core.knowledge.UnansweredQuestionRepository;

/** Handed-off questions in {@code knowledge_unanswered}; times are stored as UTC. */
public final class MyBatisUnansweredQuestions implements UnansweredQuestionRepository {
    private final KnowledgeMapper mapper;

    public MyBatisUnansweredQuestions(KnowledgeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public long record(String question, Long askerMemberId, Long assigneeMemberId, Instant askedAt) {
        UnansweredRow row = new UnansweredRow(question, askerMemberId, assigneeMemberId, utc(askedAt));
        mapper.insertUnanswered(row);
        return row.getId();
    }

    @Override
    public List<UnansweredQuestion> open(int limit) {
        return mapper.findOpenUnanswered(limit).stream().map(MyBatisUnansweredQuestions::question).toList();
    }

    @Override
    public Optional<UnansweredQuestion> find(long id) {
        return Optional.ofNullable(mapper.findUnanswered(id)).map(MyBatisUnansweredQuestions::question);
    }

    @Override
    public boolean resolve(long id, String entryId, Instant resolvedAt) {
        return mapper.resolveUnanswered(id, entryId, utc(resolvedAt)) == 1;
    }

    private static UnansweredQuestion question(UnansweredRow r) {
        return new UnansweredQuestion(r.getId(), r.getQuestion(), r.getAskerMemberId(), r.getAssigneeMemberId(),
                r.getAskedAt().toInstant(ZoneOffset.UTC), r.getEntryId());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
