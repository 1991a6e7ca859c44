package org.unionbot.core.notify;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;

/**
 * Fans a reminder out to its audience: audience → members → their bound accounts → one
 * {@link ChannelSender} per platform, through the {@link DeliveryLog}.
 *
 * <p>Exactly once: every (reminder, member, channel) is claimed in the log before it is sent (the
 * database refuses a second claim), and marked after. A crash leaves claims unmarked; {@link #resume}
 * takes over claims older than the lease and sends them. What remains is the instant between a send and
 * its mark: a resend then carries the same idempotency key, which platforms that deduplicate drop.
 *
 * <p>Sends run {@code concurrency} at a time, each channel behind its rate limiter; transient failures
 * are retried with doubling backoff.
 */
public final class Notifier implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());
    private static final int RESUME_BATCH = 1000;

    private final MemberRepository members;
    private final AudienceResolver audiences;
    private final DeliveryLog log;
    private final Map<Platform, ChannelSender> senders = new LinkedHashMap<>();
    private final Map<Platform, RateLimiter> limits = new EnumMap<>(Platform.class);
    private final NotifierSettings settings;
    private final Clock clock;
    private final ExecutorService pool;
    /** This instance; each claim adds a fresh suffix so that a claim call reads back only its own rows. */
    private final String owner = UUID.randomUUID().toString().substring(0, 8);

    public Notifier(MemberRepository members, DeliveryLog log, List<? extends ChannelSender> channels,
                    NotifierSettings settings, Clock clock) {
        this.members = members;
        this.audiences = new AudienceResolver(members);
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        for (ChannelSender c : channels) {
            if (senders.putIfAbsent(c.platform(), c) != null) {
                throw new IllegalStateException("two channel senders for " + c.platform().code());
            }
            Double rate = settings.ratePerSecond().get(c.platform().code());
            if (rate != null) {
                limits.put(c.platform(), new RateLimiter(rate, Math.max(1, (int) Math.ceil(rate))));
            }
        }
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "notifier");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends the notice to everyone in its audience who has not had it yet; returns the report. */
    public DeliveryReport send(Notice notice) throws InterruptedException {
        Instant now = clock.instant();
        log.saveNotice(notice.sourceKey(), notice.text(), notice.urgent(), now);
        List<Member> recipients = audiences.resolve(notice.audience(), notice.day());
        Map<Platform, Map<Long, String>> accounts = new HashMap<>();
        for (Platform p : senders.keySet()) {
            Map<Long, String> byMember = new HashMap<>();
            for (PlatformIdentity id : members.identitiesOn(p)) {
                byMember.putIfAbsent(id.memberId(), id.platformUserId());
            }
            accounts.put(p, byMember);
        }
        List<Delivery> requests = new ArrayList<>();
        java.util.Set<Long> done = log.membersWithRow(notice.sourceKey());
        for (Member m : recipients) {
            if (done.contains(m.id())) {
                continue;
            }
            if (notice.excludedMembers().contains(m.id())) {
                log.record(notice.sourceKey(), m.id(), "-", DeliveryStatus.SKIPPED, "unsubscribed", now);
                continue;
            }
            Platform chosen = choose(m.id(), notice.preferredChannel(), accounts);
            if (chosen == null) {
                log.record(notice.sourceKey(), m.id(), "-", DeliveryStatus.UNREACHABLE, "no bound account", now);
                continue;
            }
            requests.add(new Delivery(notice.sourceKey(), m.id(), chosen.code(), accounts.get(chosen).get(m.id()),
                    DeliveryStatus.CLAIMED, 0));
        }
        List<Delivery> mine = log.claim(notice.sourceKey(), requests, owner + ":" + UUID.randomUUID(), now);
        dispatch(mine, Map.of(notice.sourceKey(), Reply.text(notice.text())));
        return log.report(notice.sourceKey());
    }

    /** Sends the claims a crashed sender left behind; returns how many it took over. */
    public int resume() throws InterruptedException {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<Delivery> stale = log.takeOverStale(now.minus(settings.claimLease()), owner + ":" + UUID.randomUUID(),
                    now, RESUME_BATCH);
            if (stale.isEmpty()) {
                return total;
            }
            Map<String, Reply.Say> texts = new HashMap<>();
            for (Delivery d : stale) {
                texts.computeIfAbsent(d.sourceKey(), k -> log.noticeText(k).map(Reply::text)
                        .orElseThrow(() -> new IllegalStateException("no text kept for " + k)));
            }
            dispatch(stale, texts);
            total += stale.size();
        }
    }

    /**
     * Sends the failed deliveries of one reminder again (the console's 重发失败): the rows are claimed
     * anew in the log, so a member already reached is never reached twice, and a concurrent resend or
     * resume takes each row once. The stored text is resent unchanged, with the same idempotency key.
     *
     * @return how many failed deliveries this call resent (whatever their new outcome)
     */
    public int resendFailed(String sourceKey) throws InterruptedException {
        Instant now = clock.instant();
        List<Delivery> again = log.reclaimFailed(sourceKey, owner + ":" + UUID.randomUUID(), now);
        if (again.isEmpty()) {
            return 0;
        }
        Reply.Say text = log.noticeText(sourceKey).map(Reply::text)
                .orElseThrow(() -> new IllegalStateException("no text kept for " + sourceKey));
        dispatch(again, Map.of(sourceKey, text));
        return again.size();
    }

    private Platform choose(long memberId, String preferred, Map<Platform, Map<Long, String>> accounts) {
        if (preferred != null) {
            for (Platform p : accounts.keySet()) {
                if (p.code().equals(preferred) && accounts.get(p).containsKey(memberId)) {
                    return p;
                }
            }
        }
        for (Platform p : senders.keySet()) {
            if (accounts.get(p).containsKey(memberId)) {
                return p;
            }
        }
        return null;
    }

    private void dispatch(List<Delivery> deliveries, Map<String, Reply.Say> texts) throws InterruptedException {
        List<Future<?>> running = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            running.add(pool.submit(() -> {
                deliver(d, texts.get(d.sourceKey()));
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a delivery failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    private void deliver(Delivery d, Reply.Say message) throws InterruptedException {
        Platform platform = Platform.fromCode(d.channel());
        ChannelSender sender = senders.get(platform);
        RateLimiter limit = limits.get(platform);
        long backoff = settings.firstBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            if (limit != null) {
                limit.acquire();
            }
            try {
                sender.send(d.address(), message, d.idempotencyKey());
                log.markSent(d, attempt, clock.instant());
                return;
            } catch (DeliveryException e) {
                if (!e.transientFailure() || attempt >= settings.maxAttempts()) {
                    LOG.log(Level.WARNING, "delivery on {0} failed after {1} attempt(s)", d.channel(), attempt);
                    log.markFailed(d, attempt, e.getMessage(), clock.instant());
                    return;
                }
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }

    /** The report of one reminder, for 提醒报告. */
    public DeliveryReport report(String sourceKey) {
        return log.report(sourceKey);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
