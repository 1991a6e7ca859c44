package org.unionbot.core.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Receipt codes and ballot ids. Both are random: a ballot id reveals neither the voter nor the order of
 * voting, and a receipt code is known only to the voter; the database keeps just its hash.
 */
public final class Receipts {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    /** e.g. "K7QD-M2XA": 40 bits, typed back by the voter to check or change the ballot. */
    public static String newReceiptCode() {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** 16 hex digits (64 random bits). */
    public static String newBallotId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The stored form of a receipt code; bound to the poll so one code cannot match another poll's ballot. */
    public static String hash(long pollId, String receiptCode) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(("unionbot-receipt:" + pollId + ":" + receiptCode)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
