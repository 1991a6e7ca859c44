package org.unionbot.adapter.admin.polls;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollForm;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.Rules;
import org.unionbot.core.poll.Visibility;

/**
 * The console's poll form: the same choices as the chat's creation form (kind, options, how many may be
 * chosen, electorate, secret or named, deadline, changes, visibility, quorum, threshold, announcement
 * groups), bound from the request. {@link #toDraft} builds the core's {@link PollDraft} directly — it
 * validates exactly as for a chat poll — rather than writing chat form text, so an option or a title
 * containing "：" cannot be read as another field.
 */
public class PollFormFields {
    static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private String title = "";
    private PollKind kind = PollKind.SINGLE;
    private String options = "";
    private Integer maxChoices;
    private Integer scaleMax;
    private Electorate.Type electorateType = Electorate.Type.ALL;
    private String electorateValue = "";
    private boolean secret;
    private String deadline = "";
    private boolean allowChange = true;
    private Visibility visibility = Visibility.AFTER_CLOSE;
    private String quorum = "";
    private Rules.Basis thresholdBasis = Rules.Basis.CAST;
    private String threshold = "";
    private List<String> channels = new ArrayList<>();

    /** A form the user must correct, with the reason in Chinese. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    public PollDraft toDraft(Instant now, ZoneId zone) throws Invalid {
        if (title.isBlank()) {
            throw new Invalid(ConsoleTexts.get("polls.form.titleMissing"));
        }
        if (title.contains("\n") || title.strip().length() > 200) {
            throw new Invalid(ConsoleTexts.get("polls.form.titleInvalid"));
        }
        List<String> optionList = options.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int n = kind == PollKind.RATING ? (scaleMax == null ? 5 : scaleMax)
                : kind.choosesSeveral() ? (maxChoices == null ? (kind == PollKind.ELECTION ? 1 : optionList.size())
                        : maxChoices) : 1;
        Electorate electorate;
        try {
            electorate = new Electorate(electorateType, electorateValue);
        } catch (IllegalArgumentException missing) {
            throw new Invalid(ConsoleTexts.get("polls.form.electorateMissing"));
        }
        if (secret && visibility == Visibility.LIVE) {
            // the chat's wording (the core's poll.form.secretLive); the core's PollService refuses it too
            throw new Invalid(ConsoleTexts.get("polls.form.secretLive"));
        }
        Instant due = deadline(deadline, now, zone);
        if (!due.isAfter(now)) {
            throw new Invalid(ConsoleTexts.get("polls.form.deadlinePassed"));
        }
        Rules.Quorum q = null;
        if (!quorum.isBlank()) {
            int[] f = fraction(quorum.strip().replace("全体", ""));
            q = new Rules.Quorum(f[0], f[1]);
        }
        Rules.Threshold t = null;
        if (!threshold.isBlank()) {
            String rest = threshold.strip();
            if (rest.equals("过半数") || rest.equals("过半")) {
                t = new Rules.Threshold(1, 2, thresholdBasis, true);
            } else {
                int[] f = fraction(rest);
                t = new Rules.Threshold(f[0], f[1], thresholdBasis, false);
            }
        }
        try {
            return new PollDraft(title, kind, optionList, n, kind == PollKind.RATING ? n : 0, electorate, secret,
                    allowChange, visibility, due, q, t);
        } catch (IllegalArgumentException invalid) {
            throw new Invalid(ConsoleTexts.get("polls.form.optionsInvalid"));
        }
    }

    /** The form of an existing poll, for editing before the first vote. */
    public static PollFormFields of(PollDraft d, List<String> channels, ZoneId zone) {
        PollFormFields f = new PollFormFields();
        f.title = d.title();
        f.kind = d.kind();
        f.options = d.kind() == PollKind.RESOLUTION ? "" : String.join("\n", d.options());
        f.maxChoices = d.kind().choosesSeveral() ? d.maxChoices() : null;
        f.scaleMax = d.kind() == PollKind.RATING ? d.scaleMax() : null;
        f.electorateType = d.electorate().type();
        f.electorateValue = d.electorate().value();
        f.secret = d.secret();
        f.deadline = DEADLINE.withZone(zone).format(d.deadline());
        f.allowChange = d.allowChange();
        f.visibility = d.visibility();
        f.quorum = d.quorum() == null ? "" : d.quorum().numerator() + "/" + d.quorum().denominator();
        if (d.threshold() != null) {
            Rules.Threshold t = d.threshold();
            f.thresholdBasis = t.basis();
            f.threshold = t.strict() && t.numerator() * 2 == t.denominator() ? "过半数"
                    : t.numerator() + "/" + t.denominator();
        }
        f.channels = new ArrayList<>(channels);
        return f;
    }

    /** As the chat accepts it (the core's reading), with the console's wording of what is wrong. */
    static Instant deadline(String text, Instant now, ZoneId zone) throws Invalid {
        try {
            return PollForm.deadline(text, now, zone);
        } catch (PollForm.FormException wrong) {
            throw new Invalid(ConsoleTexts.get("polls.form.deadlineInvalid"));
        }
    }

    private static int[] fraction(String text) throws Invalid {
        try {
            return PollForm.fraction(text);
        } catch (PollForm.FormException wrong) {
            throw new Invalid(ConsoleTexts.get("polls.form.fractionInvalid"));
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public PollKind getKind() {
        return kind;
    }

    public void setKind(PollKind kind) {
        this.kind = kind == null ? PollKind.SINGLE : kind;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options == null ? "" : options;
    }

    public Integer getMaxChoices() {
        return maxChoices;
    }

    public void setMaxChoices(Integer maxChoices) {
        this.maxChoices = maxChoices;
    }

    public Integer getScaleMax() {
        return scaleMax;
    }

    public void setScaleMax(Integer scaleMax) {
        this.scaleMax = scaleMax;
    }

    public Electorate.Type getElectorateType() {
        return electorateType;
    }

    public void setElectorateType(Electorate.Type electorateType) {
        this.electorateType = electorateType == null ? Electorate.Type.ALL : electorateType;
    }

    public String getElectorateValue() {
        return electorateValue;
    }

    public void setElectorateValue(String electorateValue) {
        this.electorateValue = electorateValue == null ? "" : electorateValue;
    }

    public boolean isSecret() {
        return secret;
    }

    public void setSecret(boolean secret) {
        this.secret = secret;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline == null ? "" : deadline;
    }

    public boolean isAllowChange() {
        return allowChange;
    }

    public void setAllowChange(boolean allowChange) {
        this.allowChange = allowChange;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility == null ? Visibility.AFTER_CLOSE : visibility;
    }

    public String getQuorum() {
        return quorum;
    }

    public void setQuorum(String quorum) {
        this.quorum = quorum == null ? "" : quorum;
    }

    public Rules.Basis getThresholdBasis() {
        return thresholdBasis;
    }

    public void setThresholdBasis(Rules.Basis thresholdBasis) {
        this.thresholdBasis = thresholdBasis == null ? Rules.Basis.CAST : thresholdBasis;
    }

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold == null ? "" : threshold;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
    }
}
