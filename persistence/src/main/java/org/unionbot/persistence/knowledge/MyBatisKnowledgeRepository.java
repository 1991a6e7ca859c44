package org.unionbot.persistence.knowledge;

import java.util.Arrays;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.unionbot.core.knowledge.KnowledgeEntry;
import org.unionbot.core.knowledge.KnowledgeRepository;
import org.unionbot.core.knowledge.PersonalTopicCodes;

/**
 * Knowledge entries in {@code knowledge_entry}. The file entries are replaced in one transaction, so an
 * instance starting while another reloads sees the old set or the new one, never half of each.
 * Not final: {@link Transactional} works through a class proxy.
 */
public class MyBatisKnowledgeRepository implements KnowledgeRepository {
    private final KnowledgeMapper mapper;

    public MyBatisKnowledgeRepository(KnowledgeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public void replaceFileEntries(List<KnowledgeEntry> entries) {
        mapper.deleteByOrigin(KnowledgeEntry.ORIGIN_FILE);
        for (KnowledgeEntry entry : entries) {
            mapper.upsert(row(entry));
        }
    }

    @Override
    public List<KnowledgeEntry> entries(String origin) {
        return mapper.findByOrigin(origin).stream().map(MyBatisKnowledgeRepository::entry).toList();
    }

    @Override
    public void saveChatEntry(KnowledgeEntry entry) {
        mapper.upsert(row(entry));
    }

    private static KnowledgeEntryRow row(KnowledgeEntry e) {
        return new KnowledgeEntryRow(e.id(), e.origin(), e.title(), String.join("\n", e.questions()), e.answer(),
                e.category(), e.audience(), e.source(), e.effective(), e.contact(),
                PersonalTopicCodes.code(e.personal()));
    }

    private static KnowledgeEntry entry(KnowledgeEntryRow r) {
        List<String> questions = Arrays.stream(r.getQuestions().split("\n")).filter(q -> !q.isBlank()).toList();
        return new KnowledgeEntry(r.getId(), r.getTitle(), questions, r.getAnswer(), r.getCategory(),
                r.getAudience(), r.getSource(), r.getEffective(), r.getContact(),
                PersonalTopicCodes.parse(r.getPersonal()), r.getOrigin());
    }
}
