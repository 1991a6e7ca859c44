package org.unionbot.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Platform;
import org.unionbot.core.testing.InMemoryMemberRepository;
import org.unionbot.core.testing.MutableClock;
import org.unionbot.core.testing.Roster;

class CachingMemberRepositoryTest {
    private final AtomicInteger identityLookups = new AtomicInteger();
    private final InMemoryMemberRepository store = new InMemoryMemberRepository() {
        @Override
        public synchronized java.util.Optional<Member> findByIdentity(Platform platform, String platformUserId) {
            identityLookups.incrementAndGet();
            return super.findByIdentity(platform, platformUserId);
        }
    };
    private final MutableClock clock = MutableClock.shanghai("2026-09-01T00:00:00Z");
    private final CachingMemberRepository cache = new CachingMemberRepository(store, clock, Duration.ofSeconds(30));

    @Test
    void repeatedLookupsOfASenderHitTheStoreOncePerLifetime() {
        long id = store.save(Roster.member("王芳", "T001", "语文组")).memberId();
        store.bindIdentity(new PlatformIdentity(Platform.WEB, "t001", id));
        for (int i = 0; i < 10; i++) {
            assertThat(cache.findByIdentity(Platform.WEB, "t001")).isPresent();
        }
        assertThat(identityLookups).hasValue(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.findByIdentity(Platform.WEB, "t001")).isPresent();
        assertThat(identityLookups).hasValue(2);
    }

    @Test
    void anUnboundAccountIsNeverCachedSoBindingTakesEffectAtOnce() {
        long id = store.save(Roster.member("王芳", "T001", "语文组")).memberId();
        assertThat(cache.findByIdentity(Platform.WECOM, "wang")).isEmpty();
        store.bindIdentity(new PlatformIdentity(Platform.WECOM, "wang", id)); // e.g. another instance
        assertThat(cache.findByIdentity(Platform.WECOM, "wang")).isPresent();
    }

    @Test
    void aWriteThroughTheCacheIsSeenAtOnce() {
        long id = cache.save(Roster.member("王芳", "T001", "语文组")).memberId();
        cache.bindIdentity(new PlatformIdentity(Platform.WEB, "t001", id));
        assertThat(cache.findByIdentity(Platform.WEB, "t001").orElseThrow().roles()).containsExactly(UnionRole.MEMBER);
        cache.save(Roster.member("王芳", "T001", "语文组", UnionRole.COMMITTEE));
        assertThat(cache.findByIdentity(Platform.WEB, "t001").orElseThrow().roles()).containsExactly(UnionRole.COMMITTEE);
        assertThat(cache.identitiesOf(id)).hasSize(1);
        cache.bindIdentity(new PlatformIdentity(Platform.DINGTALK, "wang-ding", id));
        assertThat(cache.identitiesOf(id)).hasSize(2);
    }
}
