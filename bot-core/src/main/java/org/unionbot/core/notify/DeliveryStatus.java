package org.unionbot.core.notify;

/**
 * Where one (reminder, member, channel) delivery stands. CLAIMED rows are in flight or were left by a
 * crash; a restart resumes them. UNREACHABLE: no bound account on any channel; SKIPPED: the member
 * unsubscribed, or the reminder came too late to be useful.
 */
public enum DeliveryStatus {
    CLAIMED,
    SENT,
    FAILED,
    UNREACHABLE,
    SKIPPED
}
