package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * A care case (慰问): someone is in hospital, had a baby, married, lost a relative, retires or is in
 * serious hardship. Confidential: only the chair and the assignee ever see it.
 *
 * @param ref random six-digit number used in commands
 * @param subjectMemberId the colleague concerned when found in the roster, else null
 * @param subjectName the colleague concerned as the reporter named them
 * @param assigneeMemberId the committee member responsible, or null when the school has neither a
 *     configured handler nor a chair
 */
public record CareCase(long id, String ref, CareType type, long reporterMemberId, Long subjectMemberId,
                       String subjectName, String details, Long assigneeMemberId, CareStatus status,
                       Instant reportedAt, Instant closedAt) {

    public CareCase {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectName, "subjectName");
        details = details == null ? "" : details;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    @Override
    public String toString() {
        return "CareCase[ref=" + ref + ", type=" + type + ", status=" + status + "]"; // no names, no details
    }
}
