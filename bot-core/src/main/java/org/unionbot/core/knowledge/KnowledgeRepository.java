package org.unionbot.core.knowledge;

import java.util.List;

/**
 * Where the knowledge in service is kept: the entries of the last good load of the files (so a start
 * with a broken file still serves them) and the entries committee members made in chat, which no file
 * holds and which therefore survive every reload.
 */
public interface KnowledgeRepository {

    /** Replaces every file entry with these, in one transaction; chat entries are untouched. */
    void replaceFileEntries(List<KnowledgeEntry> entries);

    /** Entries of the given origin ({@link KnowledgeEntry#ORIGIN_FILE} or {@link KnowledgeEntry#ORIGIN_CHAT}). */
    List<KnowledgeEntry> entries(String origin);

    /** Creates or replaces one chat entry. */
    void saveChatEntry(KnowledgeEntry entry);
}
