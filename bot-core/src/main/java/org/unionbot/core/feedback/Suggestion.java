package org.unionbot.core.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One suggestion. For {@link SuggestionMode#ANONYMOUS} the constructor refuses a sender or a precise
 * submission time, so no code path can store either by mistake.
 *
 * @param id random, not sequential: a sequence would order anonymous rows among timed named ones
 * @param ref the short number committee members use in commands ("指派建议 482913 …")
 * @param codeHash SHA-256 of the tracking code the sender holds; the code itself is never stored
 * @param senderMemberId null for anonymous suggestions
 * @param submittedOn the local date of submission, the only time kept for anonymous suggestions
 * @param submittedAt the precise time, null for anonymous suggestions
 * @param assigneeMemberId the committee member handling it, or null
 * @param assigneeGroupId the office (union group) handling it, or null
 * @param publishedOn the date the public digest carried the answer, or null
 */
public record Suggestion(long id, String ref, String codeHash, SuggestionMode mode, Long senderMemberId,
                         LocalDate submittedOn, Instant submittedAt, String body, SuggestionStatus status,
                         Long assigneeMemberId, Long assigneeGroupId, String answer, Instant answeredAt,
                         Long answeredBy, Instant closedAt, LocalDate publishedOn) {

    public Suggestion {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(submittedOn, "submittedOn");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        if (mode == SuggestionMode.ANONYMOUS && (senderMemberId != null || submittedAt != null)) {
            throw new IllegalArgumentException("an anonymous suggestion carries no sender and no precise time");
        }
        if (mode != SuggestionMode.ANONYMOUS && senderMemberId == null) {
            throw new IllegalArgumentException("a named suggestion needs its sender");
        }
    }

    Suggestion withStatus(SuggestionStatus next) {
        return new Suggestion(id, ref, codeHash, mode, senderMemberId, submittedOn, submittedAt, body, next,
                assigneeMemberId, assigneeGroupId, answer, answeredAt, answeredBy, closedAt, publishedOn);
    }

    Suggestion assigned(Long memberId, Long groupId) {
        return new Suggestion(id, ref, codeHash, mode, senderMemberId, submittedOn, submittedAt, body,
                SuggestionStatus.ASSIGNED, memberId, groupId, answer, answeredAt, answeredBy, closedAt, publishedOn);
    }

    Suggestion answered(String text, Instant at, long by) {
        return new Suggestion(id, ref, codeHash, mode, senderMemberId, submittedOn, submittedAt, body,
                SuggestionStatus.ANSWERED, assigneeMemberId, assigneeGroupId, text, at, by, closedAt, publishedOn);
    }

    Suggestion closed(Instant at) {
        return new Suggestion(id, ref, codeHash, mode, senderMemberId, submittedOn, submittedAt, body,
                SuggestionStatus.CLOSED, assigneeMemberId, assigneeGroupId, answer, answeredAt, answeredBy, at,
                publishedOn);
    }

    @Override
    public String toString() {
        return "Suggestion[ref=" + ref + ", mode=" + mode + ", status=" + status + "]"; // no body, no sender
    }
}
