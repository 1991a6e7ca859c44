package org.unionbot.persistence.feedback;

import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.fromDb;
import static org.unionbot.persistence.feedback.MyBatisSuggestionRepository.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.unionbot.core.feedback.CareCase;
import org.unionbot.core.feedback.CareCaseRepository;
import org.unionbot.core.feedback.CareNote;
import org.unionbot.core.feedback.CareStatus;
import org.unionbot.core.feedback.CareType;
import org.unionbot.persistence.feedback.mapper.CareCaseMapper;
import org.unionbot.persistence.feedback.mapper.CareCaseRow;
import org.unionbot.persistence.feedback.mapper.CareNoteRow;

/** Care cases in {@code care_case} and {@code care_case_note} (V41). */
public final class MyBatisCareCaseRepository implements CareCaseRepository {
    private final CareCaseMapper mapper;

    public MyBatisCareCaseRepository(CareCaseMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<CareCase> insert(CareCase c) {
        CareCaseRow row = new CareCaseRow();
        row.ref = c.ref();
        row.type = c.type().name();
        row.reporterMemberId = c.reporterMemberId();
        row.subjectMemberId = c.subjectMemberId();
        row.subjectName = c.subjectName();
        row.details = c.details();
        row.assigneeMemberId = c.assigneeMemberId();
        row.status = c.status().name();
        row.reportedAt = toDb(c.reportedAt());
        row.closedAt = toDb(c.closedAt());
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException refTaken) {
            return Optional.empty();
        }
        return Optional.of(fromRow(row));
    }

    @Override
    public Optional<CareCase> findByRef(String ref) {
        return Optional.ofNullable(mapper.selectByRef(ref)).map(MyBatisCareCaseRepository::fromRow);
    }

    @Override
    public List<CareCase> findOpen() {
        return mapper.selectOpen().stream().map(MyBatisCareCaseRepository::fromRow).toList();
    }

    @Override
    public List<CareCase> findClosed(Long assigneeMemberId, int limit) {
        return mapper.selectClosed(assigneeMemberId, limit).stream().map(MyBatisCareCaseRepository::fromRow).toList();
    }

    @Override
    public void addNote(CareNote note) {
        CareNoteRow row = new CareNoteRow();
        row.caseId = note.caseId();
        row.authorMemberId = note.authorMemberId();
        row.notedAt = toDb(note.at());
        row.text = note.text();
        mapper.insertNote(row);
    }

    @Override
    public List<CareNote> notes(long caseId) {
        return mapper.selectNotes(caseId).stream()
                .map(r -> new CareNote(r.caseId, r.authorMemberId, fromDb(r.notedAt), r.text)).toList();
    }

    @Override
    public boolean close(long caseId, Instant at) {
        return mapper.close(caseId, toDb(at)) == 1;
    }

    private static CareCase fromRow(CareCaseRow r) {
        return new CareCase(r.id, r.ref, CareType.valueOf(r.type), r.reporterMemberId, r.subjectMemberId,
                r.subjectName, r.details, r.assigneeMemberId, CareStatus.valueOf(r.status), fromDb(r.reportedAt),
                fromDb(r.closedAt));
    }
}
