package org.unionbot.core.knowledge;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings what members type to one form before matching: full-width letters and digits to ASCII (NFKC),
 * lower case, and traditional characters to simplified ones, so 「會費怎麼交」 finds the entry written
 * as 「会费怎么交」.
 *
 * <p>The folding is per character: ICU's "Traditional-Simplified" transliterator maps characters, not
 * phrases, which is what matters for retrieval. Each character is transliterated once and cached, so a
 * question costs a few map look-ups rather than a transliteration (ICU's transliterators are not
 * documented as safe for concurrent use, hence the lock on the rare miss).
 */
final class TextFolding {
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final ConcurrentHashMap<Character, Character> CACHE = new ConcurrentHashMap<>();

    private TextFolding() {
    }

    static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            out.append(Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? simplified(c) : c);
        }
        return out.toString();
    }

    private static char simplified(char c) {
        Character cached = CACHE.get(c);
        if (cached != null) {
            return cached;
        }
        String converted;
        synchronized (TO_SIMPLIFIED) {
            converted = TO_SIMPLIFIED.transliterate(String.valueOf(c));
        }
        char result = converted.length() == 1 ? converted.charAt(0) : c;
        CACHE.put(c, result);
        return result;
    }
}
