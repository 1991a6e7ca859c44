package org.unionbot.core.poll;

import java.time.Instant;

/** Who did what to a poll (created, edited, opened, closed, exported). Never what anybody chose. */
public record AuditEntry(long pollId, long memberId, String action, Instant at) {}
