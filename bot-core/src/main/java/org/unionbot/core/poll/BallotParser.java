package org.unionbot.core.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a vote from chat text: "2", "投 2", "选 1,3", "赞成", "5 4 3" for a rating, optionally with a
 * poll reference "#12" and a receipt code "ABCD-EF23" (to change a secret vote).
 */
public final class BallotParser {
    private static final Pattern POLL_REF = Pattern.compile("[#＃](\\d{1,12})");
    private static final Pattern RECEIPT = Pattern.compile("\\b([A-Z2-9]{4}-[A-Z2-9]{4})\\b");
    /** Compiled once: a vote is parsed on every vote message (String.matches/split compile per call). */
    private static final Pattern NUMBER_LIST = Pattern.compile("\\d{1,3}([\\s,，、;；]+\\d{1,3})*");
    private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private static final Pattern LEADING_WORD = Pattern.compile("^(投票|投|选|我选|改票)\\s*");

    private BallotParser() {
    }

    /** The parts of a vote message before the poll is known. */
    public record Parsed(Long pollId, String receipt, String body) {}

    public static Parsed split(String text) {
        String t = text.strip();
        Long pollId = null;
        Matcher ref = POLL_REF.matcher(t);
        if (ref.find()) {
            pollId = Long.valueOf(ref.group(1));
            t = (t.substring(0, ref.start()) + " " + t.substring(ref.end())).strip();
        }
        String receipt = null;
        Matcher rc = RECEIPT.matcher(t.toUpperCase(java.util.Locale.ROOT));
        if (rc.find()) {
            receipt = rc.group(1);
            t = (t.substring(0, rc.start()) + " " + t.substring(rc.end())).strip();
        }
        t = LEADING_WORD.matcher(t).replaceFirst("").strip();
        return new Parsed(pollId, receipt, t);
    }

    /** The choices the body means for this poll, or empty when it is not a valid ballot. */
    public static Optional<Choices> parse(PollDraft poll, String body) {
        String t = body.strip();
        if (poll.kind() == PollKind.RESOLUTION) {
            int word = PollDraft.RESOLUTION_OPTIONS.indexOf(t);
            if (word >= 0) {
                return Optional.of(new Choices(List.of(word + 1)));
            }
        }
        List<Integer> numbers = numbers(t);
        if (numbers == null || numbers.isEmpty()) {
            return Optional.empty();
        }
        int options = poll.options().size();
        if (poll.kind() == PollKind.RATING) {
            if (numbers.size() != options || numbers.stream().anyMatch(n -> n < 1 || n > poll.scaleMax())) {
                return Optional.empty();
            }
            return Optional.of(new Choices(numbers));
        }
        TreeSet<Integer> distinct = new TreeSet<>(numbers);
        if (distinct.size() != numbers.size() || distinct.first() < 1 || distinct.last() > options
                || distinct.size() > poll.maxChoices()) {
            return Optional.empty();
        }
        return Optional.of(new Choices(new ArrayList<>(distinct)));
    }

    /** Numbers separated by spaces or commas (ASCII or Chinese); null if anything else is in the text. */
    private static List<Integer> numbers(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String normalised = toAsciiDigits(text);
        if (!NUMBER_LIST.matcher(normalised).matches()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : NUMBER_SEPARATORS.split(normalised)) {
            out.add(Integer.valueOf(part));
        }
        return out;
    }

    private static String toAsciiDigits(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return b.toString();
    }
}
