package org.unionbot.core.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a question into weighted terms: smartcn words, plus character bigrams and single characters of
 * the words that carry meaning. Words give precise BM25 matches; the n-grams keep a question with a
 * typo (「会废怎么交」) or an odd segmentation close to the right entry.
 *
 * <p>Filler words (怎么, 请问, 吗 …) are dropped before the n-grams are made, so 「会费怎么交」 and
 * 「会费咋交」 give the same bigrams.
 */
final class QuestionAnalyzer {
    static final String WORD = "w";
    static final String BIGRAM = "g";
    static final String CHAR = "c";

    /** How much a match of each kind counts, in BM25 and in the confidence. */
    static final Map<String, Float> WEIGHTS = Map.of(WORD, 1.0f, BIGRAM, 0.8f, CHAR, 0.25f);

    private static final Set<String> FILLERS = Set.copyOf(java.util.List.of(
            "请问", "请", "问", "问问", "问下", "一下", "想", "想问", "想知道", "知道", "打听",
            "我", "我们", "咱们", "咱", "你", "你们", "您", "他", "她", "的", "地", "得", "了", "吗", "呢", "吧",
            "啊", "呀", "嘛", "哦", "喔", "么", "是", "是不是", "不是", "怎么", "怎么样", "怎样", "咋", "咋样",
            "啥", "什么", "如何", "哪", "哪里", "哪儿", "哪些", "哪个", "几", "多少", "有", "有没有", "没有",
            "没", "能", "能不能", "可以", "可不可以", "可", "要", "要不要", "需要", "需不需要", "谁", "在", "和",
            "跟", "与", "及", "或", "老师", "还", "就", "都", "也", "这", "那", "这个", "那个", "个", "下",
            "会", "给", "吗", "去", "得", "该", "应该", "到底", "具体", "一般", "现在", "今年", "咱们学校",
            "学校", "我校", "本校", "工会", "一些", "些", "呗", "办", "弄", "搞", "做", "找", "让", "把", "被", "帮", "帮忙", "帮我", "教师", "教职工", "老师们", "同志"));

    private static final Analyzer SMARTCN = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    private final Synonyms synonyms;

    QuestionAnalyzer(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    /** Terms by field (words, bigrams, characters), each with how often it occurs. */
    Map<String, Map<String, Integer>> terms(String text) {
        List<String> tokens = new ArrayList<>();
        for (Synonyms.Segment segment : synonyms.segments(TextFolding.fold(text))) {
            if (segment.known()) {
                tokens.add(segment.text());
            } else {
                tokens.addAll(segment(segment.text()));
            }
        }
        Map<String, Integer> words = new LinkedHashMap<>();
        StringBuilder meaningful = new StringBuilder();
        for (String word : tokens) {
            if (FILLERS.contains(word) || !word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                continue;
            }
            words.merge(word, 1, Integer::sum);
            meaningful.append(word);
        }
        Map<String, Integer> bigrams = new LinkedHashMap<>();
        Map<String, Integer> chars = new LinkedHashMap<>();
        String m = meaningful.toString();
        for (int i = 0; i < m.length(); i++) {
            chars.merge(m.substring(i, i + 1), 1, Integer::sum);
            if (i + 1 < m.length()) {
                bigrams.merge(m.substring(i, i + 2), 1, Integer::sum);
            }
        }
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        all.put(WORD, words);
        all.put(BIGRAM, bigrams);
        all.put(CHAR, chars);
        return all;
    }

    private static List<String> segment(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = SMARTCN.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
