package org.unionbot.persistence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.persistence.inbox.WebInboxStore;
import org.unionbot.persistence.inbox.WebInboxStore.Message;

class WebInboxStoreIT extends CalendarDatabaseIT {
    @Autowired
    WebInboxStore inbox;

    private Message text(String body) {
        return new Message("text", body, null, null, null, List.of(), clock.instant());
    }

    @Test
    void aMessagePutTwiceWithOneKeyIsStoredOnceAndTakenOnce() {
        assertThat(inbox.put("w0001", "r1#7#web#0", text("重阳节提醒"))).isTrue();
        assertThat(inbox.put("w0001", "r1#7#web#0", text("重阳节提醒"))).isFalse();
        assertThat(inbox.put("w0002", "r1#8#web#0", text("重阳节提醒"))).isTrue();
        assertThat(inbox.waiting("w0001")).isEqualTo(1);

        List<Message> taken = inbox.take("w0001", clock.instant());
        assertThat(taken).extracting(Message::body).containsExactly("重阳节提醒");
        assertThat(inbox.take("w0001", clock.instant())).isEmpty();
        // A resend after the take (a crash between send and mark) still meets its key.
        assertThat(inbox.put("w0001", "r1#7#web#0", text("重阳节提醒"))).isFalse();
        assertThat(inbox.take("w0001", clock.instant())).isEmpty();
        assertThat(inbox.waiting("w0002")).isEqualTo(1);
    }

    @Test
    void everyKindOfContentComesBackAsItWasPut() {
        inbox.put("w0001", "a", new Message("knowledge", "会费按工资的0.5%缴纳", "fee-1", "会费", 0.87, List.of(),
                clock.instant()));
        inbox.put("w0001", "b", new Message("choices", "您是想问：", null, null, null, List.of("会费", "入会"),
                clock.instant()));
        List<Message> taken = inbox.take("w0001", clock.instant());
        assertThat(taken).hasSize(2);
        assertThat(taken.get(0)).isEqualTo(new Message("knowledge", "会费按工资的0.5%缴纳", "fee-1", "会费", 0.87,
                List.of(), clock.instant()));
        assertThat(taken.get(1).options()).containsExactly("会费", "入会");
    }

    @Test
    void twoPollsAtOnceNeverBothGetAMessage() throws Exception {
        for (int i = 0; i < 100; i++) {
            inbox.put("w0001", "k" + i, text("消息" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> poll = () -> {
                int n = 0;
                for (int round = 0; round < 20; round++) {
                    n += inbox.take("w0001", clock.instant()).size();
                }
                return n;
            };
            List<Future<Integer>> results = pool.invokeAll(List.of(poll, poll, poll, poll));
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            assertThat(total).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takenMessagesArePurgedAfterTheirTime() {
        inbox.put("w0001", "a", text("一"));
        inbox.take("w0001", clock.instant());
        inbox.put("w0001", "b", text("二"));
        clock.advance(Duration.ofDays(8));
        assertThat(inbox.purgeTakenBefore(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM web_inbox", Integer.class)).isEqualTo(1);
    }
}
