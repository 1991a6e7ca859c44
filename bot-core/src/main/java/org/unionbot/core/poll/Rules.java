package org.unionbot.core.poll;

import java.util.Objects;

/**
 * The optional quorum and pass threshold of a poll, each a fraction compared with either the electorate
 * or the votes cast. "More than half of the votes cast" is {@code (1, 2, CAST, strict)}; "at least two
 * thirds of the electorate" is {@code (2, 3, ELECTORATE, not strict)}. The result repeats the rule so
 * that nobody has to remember which one was agreed.
 */
public final class Rules {
    private Rules() {
    }

    public enum Basis { ELECTORATE, CAST }

    /** A fraction of the electorate that must take part for the result to count. */
    public record Quorum(int numerator, int denominator) {
        public Quorum {
            checkFraction(numerator, denominator);
        }

        /** Integer arithmetic: "two thirds of 200" must not become 133.33… compared in floating point. */
        public boolean met(long voted, long electorate) {
            return voted * denominator >= (long) numerator * electorate;
        }
    }

    /** What an option needs to pass or be elected. */
    public record Threshold(int numerator, int denominator, Basis basis, boolean strict) {
        public Threshold {
            checkFraction(numerator, denominator);
            Objects.requireNonNull(basis, "basis");
        }

        public boolean met(long votes, long electorate, long cast) {
            long base = basis == Basis.ELECTORATE ? electorate : cast;
            long lhs = votes * denominator;
            long rhs = (long) numerator * base;
            return strict ? lhs > rhs : lhs >= rhs;
        }
    }

    private static void checkFraction(int numerator, int denominator) {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a rule's fraction must be in (0, 1]");
        }
    }
}
