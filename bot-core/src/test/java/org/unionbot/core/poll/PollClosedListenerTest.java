package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/** Close listeners hear of a close once, after the result, and a failing one does not undo the close. */
class PollClosedListenerTest {
    final ConversationHarness harness = ConversationHarness.create();
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final List<PollResult> heard = new ArrayList<>();
    final PollService service = new PollService(repo, harness.members, new RecordingScheduler(), harness.outbound,
            harness.messages, harness.clock, List::of, () -> List.of(
                    result -> { throw new IllegalStateException("card API down"); },
                    heard::add));

    @Test
    void aCloseIsHeardOnceWithTheFinalResultEvenWhenAnotherListenerFails() {
        Roster.smallSchool(harness);
        var chair = harness.members.findByStaffNo("C000").orElseThrow();
        Poll poll = service.open(new PollDraft("春游去哪里", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                Electorate.all(), false, false, Visibility.LIVE, harness.clock.instant().plus(Duration.ofDays(1)),
                null, null), chair);
        service.vote(poll.id(), chair, new Choices(List.of(2)), null);

        assertThat(service.close(poll.id(), chair.id())).isPresent();
        assertThat(service.close(poll.id(), PollService.SYSTEM)).isEmpty();

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).poll().isOpen()).isFalse();
        assertThat(heard.get(0).count(2)).isEqualTo(1);
        assertThat(service.find(poll.id()).orElseThrow().isOpen()).isFalse();
    }
}
