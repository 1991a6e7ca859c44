package org.unionbot.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of who got which reminder on which channel, unique on (source key, member,
 * channel) in the database. The notifier claims a row before sending, sends, then marks it: a crash or a
 * second instance never sends a claimed row twice, and a restart finds the claims left unsent.
 */
public interface DeliveryLog {

    /** Keeps the text of a reminder once, so that a restart can resume its unsent claims. */
    void saveNotice(String sourceKey, String text, boolean urgent, Instant now);

    Optional<String> noticeText(String sourceKey);

    /**
     * Members who already have a row for this reminder on any channel: a member reached on the web
     * before binding WeCom is not reached again on WeCom.
     */
    java.util.Set<Long> membersWithRow(String sourceKey);

    /**
     * Claims each (member, channel) of {@code requests} for {@code owner} unless a row exists already.
     *
     * @return the requests this call claimed; rows claimed before (by anyone) are left out
     */
    List<Delivery> claim(String sourceKey, List<Delivery> requests, String owner, Instant now);

    /** Records an outcome without a send (UNREACHABLE, SKIPPED), unless a row exists already. */
    void record(String sourceKey, long memberId, String channel, DeliveryStatus status, String detail, Instant now);

    void markSent(Delivery delivery, int attempts, Instant now);

    void markFailed(Delivery delivery, int attempts, String error, Instant now);

    /**
     * Takes over CLAIMED rows whose claim is older than {@code staleBefore} (their sender crashed), for
     * {@code owner}; of two instances resuming at once, each row goes to one.
     */
    List<Delivery> takeOverStale(Instant staleBefore, String owner, Instant now, int limit);

    /**
     * Claims again, for {@code owner}, the FAILED rows of one reminder (a resend from the console). One
     * UPDATE moves them from FAILED to CLAIMED, so of two resends at once each row goes to one of them,
     * and a row that was sent meanwhile is not among them: the log keeps exactly once.
     *
     * @return the rows this call claimed, with their stored address
     */
    List<Delivery> reclaimFailed(String sourceKey, String owner, Instant now);

    DeliveryReport report(String sourceKey);

    /** The most recent reminders, newest first. */
    List<String> recentSources(int limit);
}
