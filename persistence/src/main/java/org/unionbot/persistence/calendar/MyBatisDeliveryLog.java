package org.unionbot.persistence.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.notify.Delivery;
import org.unionbot.core.notify.DeliveryLog;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.notify.DeliveryStatus;

/**
 * The delivery log in {@code delivery_log}, unique on (source_key, member_id, channel). Claims go in
 * batches of {@value #CLAIM_BATCH} rows per INSERT IGNORE, read back by the claim's owner token: a
 * fan-out to 10,000 members costs about 20 statements to claim and one UPDATE per delivery to mark.
 */
public final class MyBatisDeliveryLog implements DeliveryLog {
    static final int CLAIM_BATCH = 500;
    private final CalendarMapper mapper;

    public MyBatisDeliveryLog(CalendarMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void saveNotice(String sourceKey, String text, boolean urgent, Instant now) {
        mapper.insertNotice(sourceKey, text, urgent, Utc.toDb(now));
    }

    @Override
    public Optional<String> noticeText(String sourceKey) {
        return Optional.ofNullable(mapper.noticeBody(sourceKey));
    }

    @Override
    public Set<Long> membersWithRow(String sourceKey) {
        return new HashSet<>(mapper.membersWithRow(sourceKey));
    }

    @Override
    public List<Delivery> claim(String sourceKey, List<Delivery> requests, String owner, Instant now) {
        for (int from = 0; from < requests.size(); from += CLAIM_BATCH) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Delivery d : requests.subList(from, Math.min(requests.size(), from + CLAIM_BATCH))) {
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("memberId", d.memberId());
                row.put("channel", d.channel());
                row.put("address", d.address());
                rows.add(row);
            }
            mapper.claimAll(sourceKey, rows, owner, Utc.toDb(now));
        }
        return requests.isEmpty() ? List.of() : claimedBy(owner);
    }

    private List<Delivery> claimedBy(String owner) {
        List<Delivery> out = new ArrayList<>();
        for (Map<String, Object> row : mapper.claimedBy(owner)) {
            out.add(new Delivery((String) row.get("source_key"), ((Number) row.get("member_id")).longValue(),
                    (String) row.get("channel"), (String) row.get("address"), DeliveryStatus.CLAIMED, 0));
        }
        return out;
    }

    @Override
    public void record(String sourceKey, long memberId, String channel, DeliveryStatus status, String detail, Instant now) {
        mapper.insertOutcome(sourceKey, memberId, channel, status.name(), detail, Utc.toDb(now));
    }

    @Override
    public void markSent(Delivery d, int attempts, Instant now) {
        mapper.mark(d.sourceKey(), d.memberId(), d.channel(), DeliveryStatus.SENT.name(), attempts, null, Utc.toDb(now));
    }

    @Override
    public void markFailed(Delivery d, int attempts, String error, Instant now) {
        String detail = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        mapper.mark(d.sourceKey(), d.memberId(), d.channel(), DeliveryStatus.FAILED.name(), attempts, detail,
                Utc.toDb(now));
    }

    @Override
    public List<Delivery> takeOverStale(Instant staleBefore, String owner, Instant now, int limit) {
        if (mapper.takeOver(Utc.toDb(staleBefore), owner, Utc.toDb(now), limit) == 0) {
            return List.of();
        }
        return claimedBy(owner);
    }

    @Override
    public List<Delivery> reclaimFailed(String sourceKey, String owner, Instant now) {
        if (mapper.reclaimFailed(sourceKey, owner, Utc.toDb(now)) == 0) {
            return List.of();
        }
        return claimedBy(owner);
    }

    @Override
    public DeliveryReport report(String sourceKey) {
        int[] c = new int[DeliveryStatus.values().length];
        for (Map<String, Object> row : mapper.countByStatus(sourceKey)) {
            c[DeliveryStatus.valueOf((String) row.get("status")).ordinal()] = ((Number) row.get("n")).intValue();
        }
        return new DeliveryReport(sourceKey, c[DeliveryStatus.SENT.ordinal()], c[DeliveryStatus.FAILED.ordinal()],
                c[DeliveryStatus.UNREACHABLE.ordinal()], c[DeliveryStatus.SKIPPED.ordinal()],
                c[DeliveryStatus.CLAIMED.ordinal()]);
    }

    @Override
    public List<String> recentSources(int limit) {
        return mapper.recentSources(limit);
    }
}
