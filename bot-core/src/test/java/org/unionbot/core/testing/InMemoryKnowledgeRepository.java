package org.unionbot.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.knowledge.KnowledgeEntry;
import org.unionbot.core.knowledge.KnowledgeRepository;

/** Knowledge entries in memory, for conversation tests. */
public final class InMemoryKnowledgeRepository implements KnowledgeRepository {
    private final Map<String, KnowledgeEntry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized void replaceFileEntries(List<KnowledgeEntry> fileEntries) {
        entries.values().removeIf(e -> e.origin().equals(KnowledgeEntry.ORIGIN_FILE));
        fileEntries.forEach(e -> entries.put(e.id(), e));
    }

    @Override
    public List<KnowledgeEntry> entries(String origin) {
        List<KnowledgeEntry> out = new ArrayList<>();
        entries.values().stream().filter(e -> e.origin().equals(origin)).forEach(out::add);
        return out;
    }

    @Override
    public void saveChatEntry(KnowledgeEntry entry) {
        entries.put(entry.id(), entry);
    }
}
