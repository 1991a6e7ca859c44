package org.unionbot.core.feedback;

import java.time.Instant;

/** One follow-up entry of a care case: who did what (visited, delivered the gift) and when. */
public record CareNote(long caseId, long authorMemberId, Instant at, String text) {}
