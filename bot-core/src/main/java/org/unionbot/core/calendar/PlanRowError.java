package org.unionbot.core.calendar;

/** Why one row (or YAML item) of a plan was not taken: row number from 1, the field, the reason. */
public record PlanRowError(int row, String field, String message) {}
