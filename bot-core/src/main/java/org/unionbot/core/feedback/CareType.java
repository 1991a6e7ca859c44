package org.unionbot.core.feedback;

import java.util.Locale;
import java.util.Optional;

/** The occasions on which the union visits a colleague (五必访 and serious hardship). */
public enum CareType {
    HOSPITAL("住院", "生病", "手术"),
    BIRTH("生育", "生孩子", "生小孩"),
    WEDDING("结婚", "婚礼"),
    BEREAVEMENT("丧事", "去世", "丧亲", "直系亲属去世"),
    RETIREMENT("退休"),
    HARDSHIP("困难", "生活困难", "重大困难");

    private final String label;
    private final String[] synonyms;

    CareType(String label, String... synonyms) {
        this.label = label;
        this.synonyms = synonyms;
    }

    public String label() {
        return label;
    }

    /** The lower-case code used in configuration keys, e.g. {@code hospital}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CareType> parse(String word) {
        String w = word.strip();
        for (CareType type : values()) {
            if (type.label.equals(w) || type.code().equalsIgnoreCase(w)) {
                return Optional.of(type);
            }
            for (String s : type.synonyms) {
                if (s.equals(w)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }
}
