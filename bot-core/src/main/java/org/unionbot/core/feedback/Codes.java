package org.unionbot.core.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Tracking codes, short reference numbers and random row ids. */
final class Codes {
    /** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    /** A tracking code like JY7K3M9QXP: 8 random characters, about 40 bits, behind a fixed prefix. */
    static String trackingCode() {
        StringBuilder code = new StringBuilder("JY");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Only this hash of a tracking code is stored; the sender's copy is the only clear one. */
    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(code.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A six-digit reference; random so that it says nothing about order or time. */
    static String ref() {
        return Integer.toString(100_000 + RANDOM.nextInt(900_000));
    }

    /** A positive random id; see {@link Suggestion#id()} for why not a sequence. */
    static long randomId() {
        return RANDOM.nextLong() & Long.MAX_VALUE | 1L << 40;
    }

    /** The first word of a text, e.g. a code or a reference. */
    static String firstWord(String text) {
        String t = text.strip();
        int space = indexOfSpace(t);
        return space < 0 ? t : t.substring(0, space);
    }

    /** The text after the first word, stripped. */
    static String rest(String text) {
        String t = text.strip();
        int space = indexOfSpace(t);
        return space < 0 ? "" : t.substring(space + 1).strip();
    }

    private static int indexOfSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == '\u3000') {
                return i;
            }
        }
        return -1;
    }

    /** The reference digits in "#482913", "482913" or "第482913号". */
    static String refDigits(String word) {
        return word.replaceAll("[^0-9]", "");
    }
}
