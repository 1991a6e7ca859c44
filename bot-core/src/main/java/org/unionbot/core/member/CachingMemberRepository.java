package org.unionbot.core.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.unionbot.core.message.Platform;

/**
 * Keeps the roster lookups of every chat message in memory for a short time. Each message resolves its
 * sender, and 我是谁 reads the member, their group, its leader and their identities: without a cache that
 * is five database round trips per message for data that changes a few times a term.
 *
 * <p>Only found values are cached, so an account bound a moment ago is never answered as unbound. Any
 * write through this instance clears the cache; writes made by another instance show here after at
 * most {@code timeToLive}. Lists (roles, whole groups, the full roster) are not cached: they serve the
 * committee, not the hot path.
 */
public final class CachingMemberRepository implements MemberRepository {
    private static final int MAX_ENTRIES = 50_000;

    private record Entry(Object value, Instant expiresAt) {}

    private final MemberRepository delegate;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every write: a value loaded before a write must not be cached after it. */
    private final AtomicLong generation = new AtomicLong();

    public CachingMemberRepository(MemberRepository delegate, Clock clock, Duration timeToLive) {
        this.delegate = delegate;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    @Override
    public Optional<Member> findById(long id) {
        return cached("id:" + id, () -> delegate.findById(id));
    }

    @Override
    public Optional<Member> findByStaffNo(String staffNo) {
        return delegate.findByStaffNo(staffNo);
    }

    @Override
    public Optional<Member> findByIdentity(Platform platform, String platformUserId) {
        return cached("identity:" + platform.code() + ":" + platformUserId,
                () -> delegate.findByIdentity(platform, platformUserId));
    }

    @Override
    public List<Member> findByRole(UnionRole role) {
        return delegate.findByRole(role);
    }

    @Override
    public List<Member> findAll() {
        return delegate.findAll();
    }

    @Override
    public List<Member> membersOfGroup(long groupId) {
        return delegate.membersOfGroup(groupId);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public SaveOutcome save(MemberDraft draft) {
        try {
            return delegate.save(draft);
        } finally {
            invalidate();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PlatformIdentity> identitiesOf(long memberId) {
        String key = "identities:" + memberId;
        Entry entry = fresh(key);
        if (entry != null) {
            return (List<PlatformIdentity>) entry.value();
        }
        long before = generation.get();
        List<PlatformIdentity> loaded = List.copyOf(delegate.identitiesOf(memberId));
        remember(key, loaded, before);
        return loaded;
    }

    @Override
    public List<PlatformIdentity> identitiesOn(Platform platform) {
        return delegate.identitiesOn(platform);
    }

    @Override
    public boolean bindIdentity(PlatformIdentity identity) {
        try {
            return delegate.bindIdentity(identity);
        } finally {
            invalidate();
        }
    }

    @Override
    public Optional<UnionGroup> findGroup(long groupId) {
        return cached("group:" + groupId, () -> delegate.findGroup(groupId));
    }

    @Override
    public List<UnionGroup> groups() {
        return delegate.groups();
    }

    @Override
    public void setGroupLeader(long groupId, Long leaderMemberId) {
        try {
            delegate.setGroupLeader(groupId, leaderMemberId);
        } finally {
            invalidate();
        }
    }

    /** Forgets everything, e.g. after a roster change made outside this repository. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, Supplier<Optional<T>> loader) {
        Entry entry = fresh(key);
        if (entry != null) {
            return Optional.of((T) entry.value());
        }
        long before = generation.get();
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> remember(key, value, before));
        return loaded;
    }

    private Entry fresh(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    private void remember(String key, Object value, long loadedInGeneration) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(value, clock.instant().plus(timeToLive)));
        if (generation.get() != loadedInGeneration) {
            entries.remove(key); // a write happened while loading: the value may be stale
        }
    }
}
