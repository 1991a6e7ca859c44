package org.unionbot.core.member.roster;

/** A roster row that was not imported, with the reason in words the union's clerk understands. */
public record RowError(int rowNumber, String message) {}
