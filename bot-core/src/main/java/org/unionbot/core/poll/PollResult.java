package org.unionbot.core.poll;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The tally of a poll and what it means under the poll's rules.
 *
 * @param counts per option: the number of ballots choosing it; for a rating poll, the sum of scores
 * @param averages rating polls only: mean score per option (0 when nobody voted)
 * @param quorumMet true when there is no quorum
 * @param passing the options that meet the threshold (all for no threshold), in option order
 * @param winners SINGLE: the most-voted passing option (none on a tie); ELECTION: the top N passing
 *     (fewer when a tie straddles the last seat); RESOLUTION: [1] when 赞成 passes; MULTIPLE and
 *     RATING: the passing options
 */
public record PollResult(Poll poll, int electorate, int voted, long[] counts, double[] averages,
                         boolean quorumMet, List<Integer> passing, List<Integer> winners) {

    public static PollResult tally(Poll poll, int electorate, Collection<Choices> ballots) {
        PollDraft spec = poll.spec();
        int n = spec.options().size();
        long[] counts = new long[n];
        for (Choices ballot : ballots) {
            if (spec.kind() == PollKind.RATING) {
                for (int i = 0; i < n && i < ballot.values().size(); i++) {
                    counts[i] += ballot.values().get(i);
                }
            } else {
                for (int option : ballot.values()) {
                    counts[option - 1]++;
                }
            }
        }
        int voted = ballots.size();
        double[] averages = new double[spec.kind() == PollKind.RATING ? n : 0];
        for (int i = 0; i < averages.length; i++) {
            averages[i] = voted == 0 ? 0 : (double) counts[i] / voted;
        }
        boolean quorumMet = spec.quorum() == null || spec.quorum().met(voted, electorate);
        List<Integer> passing = new ArrayList<>();
        // A rating poll's threshold compares each average against the fraction of the scale.
        for (int i = 0; i < n; i++) {
            boolean ok;
            if (spec.threshold() == null) {
                ok = true;
            } else if (spec.kind() == PollKind.RATING) {
                ok = voted > 0 && spec.threshold().met(counts[i], (long) spec.scaleMax() * voted,
                        (long) spec.scaleMax() * voted);
            } else {
                ok = spec.threshold().met(counts[i], electorate, voted);
            }
            if (ok && (spec.kind() == PollKind.RATING || counts[i] > 0)) {
                passing.add(i + 1);
            }
        }
        List<Integer> winners = quorumMet ? winners(spec, counts, passing) : List.of();
        return new PollResult(poll, electorate, voted, counts, averages, quorumMet, List.copyOf(passing),
                winners);
    }

    private static List<Integer> winners(PollDraft spec, long[] counts, List<Integer> passing) {
        return switch (spec.kind()) {
            case RESOLUTION -> passing.contains(1) && counts[0] > counts[1] ? List.of(1) : List.of();
            case SINGLE -> top(counts, passing, 1);
            case ELECTION -> top(counts, passing, spec.maxChoices());
            case MULTIPLE, RATING -> passing;
        };
    }

    /** The top {@code seats} options by count; a tie at the last seat leaves that seat empty. */
    private static List<Integer> top(long[] counts, List<Integer> passing, int seats) {
        List<Integer> sorted = new ArrayList<>(passing);
        sorted.sort(Comparator.comparingLong((Integer o) -> counts[o - 1]).reversed().thenComparing(o -> o));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < seats; i++) {
            out.add(sorted.get(i));
        }
        if (sorted.size() > seats && !out.isEmpty()
                && counts[sorted.get(seats) - 1] == counts[out.get(out.size() - 1) - 1]) {
            long tied = counts[out.get(out.size() - 1) - 1];
            out.removeIf(o -> counts[o - 1] == tied);
        }
        return out.stream().sorted().toList();
    }

    public long count(int option) {
        return counts[option - 1];
    }

    public List<Integer> optionNumbers() {
        return IntStream.rangeClosed(1, counts.length).boxed().toList();
    }
}
