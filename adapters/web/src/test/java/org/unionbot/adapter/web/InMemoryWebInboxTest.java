package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.MutableClock;

class InMemoryWebInboxTest {
    static final Instant T0 = Instant.parse("2026-09-01T01:00:00Z");

    static WebInboxEntry text(String text) {
        return new WebInboxEntry(new Content.Text(text), T0);
    }

    static List<String> texts(List<WebInboxEntry> entries) {
        return entries.stream().map(e -> ((Content.Text) e.content()).text()).toList();
    }

    @Test
    void takeReturnsOldestFirstAndEmptiesTheInbox() {
        InMemoryWebInbox inbox = new InMemoryWebInbox();
        inbox.put("t001", text("一"));
        inbox.put("t001", text("二"));
        inbox.put("t002", text("别人的"));
        assertThat(inbox.waiting("t001")).isEqualTo(2);
        assertThat(texts(inbox.take("t001"))).containsExactly("一", "二");
        assertThat(inbox.take("t001")).isEmpty();
        assertThat(inbox.waiting("t001")).isZero();
        assertThat(texts(inbox.take("t002"))).containsExactly("别人的");
    }

    @Test
    void aFullInboxDropsTheOldest() {
        InMemoryWebInbox inbox = new InMemoryWebInbox(3);
        for (int i = 1; i <= 5; i++) {
            inbox.put("t001", text("提醒" + i));
        }
        assertThat(texts(inbox.take("t001"))).containsExactly("提醒3", "提醒4", "提醒5");
    }

    @Test
    void theDefaultBoundIs200PerUser() {
        InMemoryWebInbox inbox = new InMemoryWebInbox();
        for (int i = 0; i < 250; i++) {
            inbox.put("t001", text("m" + i));
        }
        List<String> taken = texts(inbox.take("t001"));
        assertThat(taken).hasSize(200).startsWith("m50").endsWith("m249");
    }

    @Test
    void concurrentPutsAndTakesLoseNothingAndRepeatNothing() throws Exception {
        InMemoryWebInbox inbox = new InMemoryWebInbox(100_000);
        int writers = 4;
        int perWriter = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                puts.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        inbox.put("t001", text(writer + ":" + i));
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get() || inbox.waiting("t001") > 0) {
                    for (String t : texts(inbox.take("t001"))) {
                        if (!seen.add(t)) {
                            synchronized (duplicates) {
                                duplicates.add(t);
                            }
                        }
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> put : puts) {
                put.get(30, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(writers * perWriter);
    }

    @Test
    void theWebOutboundPutsEachContentInTheRecipientsInboxWithTheTime() {
        InMemoryWebInbox inbox = new InMemoryWebInbox();
        MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
        WebOutbound outbound = new WebOutbound(inbox, clock);
        outbound.deliver(new Recipient(Platform.WEB, Conversation.privateWith("t001"), "t001"),
                new Reply.Say(List.of(new Content.Text("第一段"), new Content.Text("第二段"))));
        List<WebInboxEntry> taken = inbox.take("t001");
        assertThat(texts(taken)).containsExactly("第一段", "第二段");
        assertThat(taken).allSatisfy(e -> assertThat(e.at()).isEqualTo(T0));
        assertThat(taken.get(0).toString()).doesNotContain("第一段");
    }

    @Test
    void theWebOutboundRefusesOtherPlatforms() {
        WebOutbound outbound = new WebOutbound(new InMemoryWebInbox(), MutableClock.shanghai("2026-09-01T01:00:00Z"));
        assertThatThrownBy(() -> outbound.deliver(
                new Recipient(Platform.WECOM, Conversation.privateWith("zhangsan"), "zhangsan"), Reply.text("hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new InMemoryWebInbox(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
