package org.unionbot.core.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable in-memory Lucene index of one version of the knowledge: one document per phrasing (and
 * one per title), with the analysed words, bigrams and characters in their own fields, searched with
 * BM25. A reload builds a new index and swaps it in whole, so a search never sees half of a reload.
 *
 * <p>Besides the BM25 ranking the index keeps, per entry, the set of its terms, to say how much of a
 * question an entry covers (the confidence): BM25 scores rank well but are not comparable between
 * questions, while "the entry explains 80% of what was asked, weighted by rarity" is.
 */
final class KnowledgeIndex implements AutoCloseable {
    private static final String ENTRY = "entry";
    /** Phrasing documents fetched before grouping them by entry. */
    private static final int DOCS_PER_SEARCH = 40;

    private final QuestionAnalyzer analyzer;
    private final List<KnowledgeEntry> entries;
    private final Map<String, KnowledgeEntry> byId;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] entryOfDoc;
    private final Map<String, Set<String>> termsOfEntry = new HashMap<>();
    private final Map<String, Set<String>> answerTermsOfEntry = new HashMap<>();
    /** Each entry's phrasings with their terms' rarity weights, computed once the index is built. */
    private final Map<String, List<WeightedPhrasing>> weightedPhrasings = new HashMap<>();
    private final Map<String, Integer> entryFrequency = new HashMap<>();
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{[^}]*}");
    /** The share of a term's weight that an answer (rather than a phrasing) containing it earns. */
    static final double ANSWER_CREDIT = 0.6;

    KnowledgeIndex(List<KnowledgeEntry> entries, Synonyms synonyms) {
        this.analyzer = new QuestionAnalyzer(synonyms);
        this.entries = List.copyOf(entries);
        Map<String, KnowledgeEntry> ids = new LinkedHashMap<>();
        for (KnowledgeEntry entry : entries) {
            ids.put(entry.id(), entry);
        }
        this.byId = Map.copyOf(ids);
        Map<String, List<Map<String, Float>>> phrasingsOfEntry = new HashMap<>();
        List<String> docEntries = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (KnowledgeEntry entry : entries) {
                Set<String> entryTerms = new HashSet<>();
                List<Map<String, Float>> phrasings = new ArrayList<>();
                List<String> texts = new ArrayList<>(entry.questions());
                texts.add(entry.title());
                for (String text : texts) {
                    Map<String, Map<String, Integer>> terms = analyzer.terms(text);
                    Document doc = new Document();
                    doc.add(new StoredField(ENTRY, entry.id()));
                    Map<String, Float> phrasing = new HashMap<>();
                    terms.forEach((field, counts) -> counts.keySet().forEach(
                            t -> phrasing.put(field + ":" + t, QuestionAnalyzer.WEIGHTS.get(field))));
                    phrasings.add(phrasing);
                    for (var field : terms.entrySet()) {
                        StringBuilder joined = new StringBuilder();
                        for (var term : field.getValue().entrySet()) {
                            for (int n = 0; n < term.getValue(); n++) {
                                joined.append(term.getKey()).append(' ');
                            }
                            entryTerms.add(field.getKey() + ":" + term.getKey());
                        }
                        doc.add(new TextField(field.getKey(), joined.toString(), Field.Store.NO));
                    }
                    writer.addDocument(doc);
                    docEntries.add(entry.id());
                }
                termsOfEntry.put(entry.id(), entryTerms);
                phrasingsOfEntry.put(entry.id(), phrasings);
                for (String term : entryTerms) {
                    entryFrequency.merge(term, 1, Integer::sum);
                }
                // Words of the answer count for the confidence at a discount: a question about 「入会申请表」
                // is covered by an answer that explains the 申请表, though no phrasing says so.
                Set<String> answerTerms = new HashSet<>();
                for (var field : analyzer.terms(PLACEHOLDER.matcher(entry.answer()).replaceAll(" ")).entrySet()) {
                    for (String term : field.getValue().keySet()) {
                        String key = field.getKey() + ":" + term;
                        if (!entryTerms.contains(key)) {
                            answerTerms.add(key);
                        }
                    }
                }
                answerTermsOfEntry.put(entry.id(), answerTerms);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("building the knowledge index in memory", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.entryOfDoc = docEntries.toArray(String[]::new);
        // The rarity of a term is known only once every entry is in: weigh the phrasings now, not per question.
        double n = entries.size();
        phrasingsOfEntry.forEach((entryId, phrasings) -> weightedPhrasings.put(entryId,
                phrasings.stream().map(phrasing -> WeightedPhrasing.of(phrasing, entryFrequency, n)).toList()));
    }

    /**
     * A phrasing's terms with weight × rarity (idf), in the phrasing's own order, and their sum: what
     * {@link #fit} needs, which once recomputed a logarithm per term, per candidate, per question.
     */
    private record WeightedPhrasing(String[] keys, double[] weights, double total) {
        static WeightedPhrasing of(Map<String, Float> phrasing, Map<String, Integer> entryFrequency, double n) {
            String[] keys = new String[phrasing.size()];
            double[] weights = new double[phrasing.size()];
            double total = 0;
            int i = 0;
            for (var term : phrasing.entrySet()) {
                keys[i] = term.getKey();
                weights[i] = term.getValue() * Math.log(1 + n / (entryFrequency.getOrDefault(term.getKey(), 0) + 0.5));
                total += weights[i];
                i++;
            }
            return new WeightedPhrasing(keys, weights, total);
        }
    }

    /**
     * The question's terms as {@link #coverage} and {@link #fit} use them, worked out once per question
     * rather than once per candidate entry: each term's key, its weight × rarity, the same at the answer
     * discount, and their sum.
     */
    private record AskedTerms(Set<String> keys, List<String> ordered, double[] weights, double[] answerWeights,
                              double total) {
        static AskedTerms of(Map<String, Map<String, Integer>> question, Map<String, Integer> entryFrequency, double n) {
            Set<String> keys = new HashSet<>();
            List<String> ordered = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<Double> answerWeights = new ArrayList<>();
            double total = 0;
            for (var field : question.entrySet()) {
                float weight = QuestionAnalyzer.WEIGHTS.get(field.getKey());
                for (String term : field.getValue().keySet()) {
                    String key = field.getKey() + ":" + term;
                    double idf = Math.log(1 + n / (entryFrequency.getOrDefault(key, 0) + 0.5));
                    keys.add(key);
                    ordered.add(key);
                    weights.add(weight * idf);
                    answerWeights.add(ANSWER_CREDIT * weight * idf);
                    total += weight * idf;
                }
            }
            return new AskedTerms(keys, ordered, weights.stream().mapToDouble(Double::doubleValue).toArray(),
                    answerWeights.stream().mapToDouble(Double::doubleValue).toArray(), total);
        }
    }

    List<KnowledgeEntry> entries() {
        return entries;
    }

    KnowledgeEntry entry(String id) {
        return byId.get(id);
    }

    /** Entries best first, at most {@code limit}, each with its BM25 score and coverage. */
    List<Candidate> search(String question, int limit) {
        Map<String, Map<String, Integer>> terms = analyzer.terms(question);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (var field : terms.entrySet()) {
            float weight = QuestionAnalyzer.WEIGHTS.get(field.getKey());
            for (String term : field.getValue().keySet()) {
                if (clauses++ >= IndexSearcher.getMaxClauseCount()) {
                    break;
                }
                query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), weight),
                        BooleanClause.Occur.SHOULD);
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        TopDocs top;
        try {
            top = searcher.search(query.build(), DOCS_PER_SEARCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Float> best = new LinkedHashMap<>();
        for (ScoreDoc hit : top.scoreDocs) {
            best.putIfAbsent(entryOfDoc[hit.doc], hit.score);
        }
        AskedTerms asked = AskedTerms.of(terms, entryFrequency, entries.size());
        List<Candidate> candidates = new ArrayList<>();
        for (var hit : best.entrySet()) {
            if (candidates.size() == limit) {
                break;
            }
            candidates.add(new Candidate(byId.get(hit.getKey()), hit.getValue(), coverage(asked, hit.getKey()),
                    fit(asked, hit.getKey()), anchored(terms, hit.getKey())));
        }
        // Among entries that cover the question equally, the one with a phrasing that the question covers
        // best comes first: 「我是不是教代会代表」 is about the member, not about how delegates are elected.
        candidates.sort(java.util.Comparator.comparingDouble(Candidate::rank).reversed());
        return candidates;
    }

    /**
     * How much of the question the entry explains: the rarity-weighted share of the question's terms the
     * entry contains. A term no entry knows (天气, 成绩) weighs most, which is what makes out-of-scope
     * questions score low.
     */
    private double coverage(AskedTerms asked, String entryId) {
        Set<String> entryTerms = termsOfEntry.get(entryId);
        Set<String> answerTerms = answerTermsOfEntry.get(entryId);
        double covered = 0;
        for (int i = 0; i < asked.ordered().size(); i++) {
            String key = asked.ordered().get(i);
            if (entryTerms.contains(key)) {
                covered += asked.weights()[i];
            } else if (answerTerms.contains(key)) {
                covered += asked.answerWeights()[i];
            }
        }
        return asked.total() == 0 ? 0 : covered / asked.total();
    }

    /**
     * How well the entry's closest phrasing is covered by the question: the rarity-weighted share of the
     * phrasing's terms that the question contains (the reverse of {@link #coverage}).
     */
    private double fit(AskedTerms asked, String entryId) {
        double best = 0;
        for (WeightedPhrasing phrasing : weightedPhrasings.get(entryId)) {
            double covered = 0;
            for (int i = 0; i < phrasing.keys().length; i++) {
                if (asked.keys().contains(phrasing.keys()[i])) {
                    covered += phrasing.weights()[i];
                }
            }
            if (phrasing.total() > 0) {
                best = Math.max(best, covered / phrasing.total());
            }
        }
        return best;
    }

    /**
     * Whether the question shares a specific word with the entry: a segmented word of two or more
     * characters that few entries have and that is no generic time or question word (bigrams do not
     * count: one spanning two words, like 点开 in 「几点开家长会」, means nothing). Out-of-scope
     * questions (「下学期课表什么时候出」) reach some coverage through words like 时候 alone; a real
     * question about the entry names its topic (体检, 提案, 会费).
     */
    private boolean anchored(Map<String, Map<String, Integer>> question, String entryId) {
        Set<String> entryTerms = termsOfEntry.get(entryId);
        int specific = Math.max(3, entries.size() / 4);
        for (String term : question.get(QuestionAnalyzer.WORD).keySet()) {
            String key = QuestionAnalyzer.WORD + ":" + term;
            if (term.length() >= 2 && !GENERIC.contains(term) && entryTerms.contains(key)
                    && entryFrequency.getOrDefault(key, 0) <= specific) {
                return true;
            }
        }
        return false;
    }

    /** Words that say when or how, not what: they never make a question about a topic on their own. */
    private static final Set<String> GENERIC = Set.of("时候", "什么时候", "时间", "几点", "几号", "哪天", "今天",
            "明天", "下周", "下个月", "上次", "一次", "每年", "一年", "多久", "开门", "多少钱", "东西", "回复",
            "查询", "查一下", "帮我", "帮忙", "申请", "报名", "流程", "手续", "材料", "有没", "没有");

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry found for a question. */
    record Candidate(KnowledgeEntry entry, float score, double coverage, double fit, boolean anchored) {
        /** What candidates are ordered and compared by. */
        double rank() {
            return coverage + FIT_WEIGHT * fit;
        }
    }

    /** How much the fit of the best phrasing counts beside the coverage of the question. */
    static final double FIT_WEIGHT = 0.3;
}
