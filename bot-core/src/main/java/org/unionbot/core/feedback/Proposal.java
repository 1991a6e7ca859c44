package org.unionbot.core.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A congress proposal (提案), numbered within its session.
 *
 * @param number 1, 2, 3 … within the session; 0 before it is stored
 * @param cosignerIds the delegates who co-signed (附议)
 * @param office the handling office (承办部门), or null until assigned
 */
public record Proposal(long id, long sessionId, int number, long proposerId, String title, String reasons,
                       String measures, List<Long> cosignerIds, String office, String reply, Instant repliedAt,
                       Implementation implementation, Satisfaction satisfaction, Instant submittedAt) {
    public Proposal {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reasons, "reasons");
        Objects.requireNonNull(measures, "measures");
        cosignerIds = cosignerIds == null ? List.of() : List.copyOf(cosignerIds);
        implementation = implementation == null ? Implementation.NOT_STARTED : implementation;
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    Proposal withOffice(String handlingOffice) {
        return new Proposal(id, sessionId, number, proposerId, title, reasons, measures, cosignerIds, handlingOffice,
                reply, repliedAt, implementation, satisfaction, submittedAt);
    }

    Proposal withReply(String text, Instant at) {
        return new Proposal(id, sessionId, number, proposerId, title, reasons, measures, cosignerIds, office, text, at,
                implementation, satisfaction, submittedAt);
    }

    Proposal withImplementation(Implementation status) {
        return new Proposal(id, sessionId, number, proposerId, title, reasons, measures, cosignerIds, office, reply,
                repliedAt, status, satisfaction, submittedAt);
    }

    Proposal withSatisfaction(Satisfaction verdict) {
        return new Proposal(id, sessionId, number, proposerId, title, reasons, measures, cosignerIds, office, reply,
                repliedAt, implementation, verdict, submittedAt);
    }

    @Override
    public String toString() {
        return "Proposal[session=" + sessionId + ", number=" + number + "]";
    }
}
