package org.unionbot.core.feedback;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.unionbot.core.outbound.Recipient;

/**
 * What a school configures for suggestions and care cases ({@code unionbot.feedback.*}). Nothing here is
 * invented by the bot: a care standard that is not configured is shown as "本校尚未设定", a digest without
 * a configured recipient is not sent.
 *
 * @param rateSecret key of the daily-rotating HMAC that limits submissions without storing who submitted
 * @param dailyLimit submissions (of any kind) one member may make per day
 * @param digestRecipient the group chat the public digest of answered suggestions goes to, if any; never a
 *     member's private inbox (the digest is public by definition)
 * @param careStandards the school's standard per care type (visit, gift, amount), as written by the school
 * @param careHandlers the staff number of the committee member who handles each care type; absent: the chair
 * @param careFollowUp how often the assignee of an open care case is reminded
 */
public record FeedbackSettings(byte[] rateSecret, int dailyLimit, Optional<Recipient> digestRecipient,
                               Map<CareType, String> careStandards, Map<CareType, String> careHandlers,
                               java.time.Duration careFollowUp) {

    public FeedbackSettings {
        Objects.requireNonNull(rateSecret, "rateSecret");
        if (rateSecret.length < 16) {
            throw new IllegalArgumentException("the feedback rate secret needs at least 16 bytes");
        }
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("dailyLimit must be positive");
        }
        rateSecret = rateSecret.clone();
        digestRecipient = digestRecipient == null ? Optional.empty() : digestRecipient;
        if (digestRecipient.isPresent() && !digestRecipient.get().conversation().isGroup()) {
            throw new IllegalArgumentException("the public digest goes to a group chat, not to a private inbox");
        }
        careStandards = careStandards == null ? Map.of() : Map.copyOf(careStandards);
        careHandlers = careHandlers == null ? Map.of() : Map.copyOf(careHandlers);
        Objects.requireNonNull(careFollowUp, "careFollowUp");
        if (careFollowUp.compareTo(java.time.Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("care follow-ups need an interval of at least a minute");
        }
    }

    @Override
    public byte[] rateSecret() {
        return rateSecret.clone();
    }

    @Override
    public String toString() {
        return "FeedbackSettings[rateSecret=***, dailyLimit=" + dailyLimit + ", digest="
                + digestRecipient.isPresent() + ", careStandards=" + careStandards.keySet()
                + ", careHandlers=" + careHandlers.keySet() + ", careFollowUp=" + careFollowUp + "]";
    }
}
