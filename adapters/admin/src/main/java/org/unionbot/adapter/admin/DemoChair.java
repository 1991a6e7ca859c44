package org.unionbot.adapter.admin;

/**
 * Declared by the composition root only in demo mode: the staff number of the demo chair, who gets a
 * console account with a random one-time password (written once to the log) when no administrator is
 * configured, so the demo can be logged into without any default password.
 */
public record DemoChair(String staffNo) {}
