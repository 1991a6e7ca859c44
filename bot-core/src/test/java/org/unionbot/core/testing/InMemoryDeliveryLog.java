package org.unionbot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.notify.Delivery;
import org.unionbot.core.notify.DeliveryLog;
import org.unionbot.core.notify.DeliveryReport;
import org.unionbot.core.notify.DeliveryStatus;

/** The delivery log in memory, unique on (source, member, channel) like the table. */
public final class InMemoryDeliveryLog implements DeliveryLog {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    private record Row(Delivery delivery, String owner, Instant claimedAt, String detail) {}

    private static String key(String source, long member, String channel) {
        return source + "#" + member + "#" + channel;
    }

    @Override
    public synchronized void saveNotice(String sourceKey, String text, boolean urgent, Instant now) {
        texts.putIfAbsent(sourceKey, text);
    }

    @Override
    public synchronized Optional<String> noticeText(String sourceKey) {
        return Optional.ofNullable(texts.get(sourceKey));
    }

    @Override
    public synchronized java.util.Set<Long> membersWithRow(String sourceKey) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        rows.values().stream().filter(r -> r.delivery().sourceKey().equals(sourceKey))
                .forEach(r -> out.add(r.delivery().memberId()));
        return out;
    }

    @Override
    public synchronized List<Delivery> claim(String sourceKey, List<Delivery> requests, String owner, Instant now) {
        List<Delivery> mine = new ArrayList<>();
        for (Delivery d : requests) {
            String k = key(sourceKey, d.memberId(), d.channel());
            if (!rows.containsKey(k)) {
                rows.put(k, new Row(d, owner, now, null));
                mine.add(d);
            }
        }
        return mine;
    }

    @Override
    public synchronized void record(String sourceKey, long memberId, String channel, DeliveryStatus status,
                                    String detail, Instant now) {
        rows.putIfAbsent(key(sourceKey, memberId, channel),
                new Row(new Delivery(sourceKey, memberId, channel, null, status, 0), null, now, detail));
    }

    private void set(Delivery d, DeliveryStatus status, int attempts, String detail) {
        String k = key(d.sourceKey(), d.memberId(), d.channel());
        Row r = rows.get(k);
        rows.put(k, new Row(new Delivery(d.sourceKey(), d.memberId(), d.channel(), d.address(), status, attempts),
                r.owner(), r.claimedAt(), detail));
    }

    @Override
    public synchronized void markSent(Delivery delivery, int attempts, Instant now) {
        set(delivery, DeliveryStatus.SENT, attempts, null);
    }

    @Override
    public synchronized void markFailed(Delivery delivery, int attempts, String error, Instant now) {
        set(delivery, DeliveryStatus.FAILED, attempts, error);
    }

    @Override
    public synchronized List<Delivery> takeOverStale(Instant staleBefore, String owner, Instant now, int limit) {
        List<Delivery> out = new ArrayList<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            if (r.delivery().status() == DeliveryStatus.CLAIMED && r.claimedAt().isBefore(staleBefore) && out.size() < limit) {
                e.setValue(new Row(r.delivery(), owner, now, null));
                out.add(r.delivery());
            }
        }
        return out;
    }

    @Override
    public synchronized List<Delivery> reclaimFailed(String sourceKey, String owner, Instant now) {
        List<Delivery> out = new ArrayList<>();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Delivery d = e.getValue().delivery();
            if (d.sourceKey().equals(sourceKey) && d.status() == DeliveryStatus.FAILED) {
                Delivery claimed = new Delivery(d.sourceKey(), d.memberId(), d.channel(), d.address(),
                        DeliveryStatus.CLAIMED, d.attempts());
                e.setValue(new Row(claimed, owner, now, null));
                out.add(claimed);
            }
        }
        return out;
    }

    @Override
    public synchronized DeliveryReport report(String sourceKey) {
        int[] c = new int[DeliveryStatus.values().length];
        rows.values().stream().filter(r -> r.delivery().sourceKey().equals(sourceKey))
                .forEach(r -> c[r.delivery().status().ordinal()]++);
        return new DeliveryReport(sourceKey, c[DeliveryStatus.SENT.ordinal()], c[DeliveryStatus.FAILED.ordinal()],
                c[DeliveryStatus.UNREACHABLE.ordinal()], c[DeliveryStatus.SKIPPED.ordinal()],
                c[DeliveryStatus.CLAIMED.ordinal()]);
    }

    @Override
    public synchronized List<String> recentSources(int limit) {
        List<String> keys = new ArrayList<>(texts.keySet());
        java.util.Collections.reverse(keys);
        return keys.subList(0, Math.min(limit, keys.size()));
    }

    public synchronized List<Delivery> rows() {
        return rows.values().stream().map(Row::delivery).toList();
    }
}
