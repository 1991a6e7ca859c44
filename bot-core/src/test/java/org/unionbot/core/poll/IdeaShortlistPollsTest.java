package org.unionbot.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.member.Member;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

class IdeaShortlistPollsTest {
    final ConversationHarness harness = Roster.smallSchool(ConversationHarness.create());
    final InMemoryPollRepository repo = new InMemoryPollRepository();
    final RecordingScheduler scheduler = new RecordingScheduler();
    final PollService service = new PollService(repo, harness.members, scheduler, harness.outbound, harness.messages,
            harness.clock);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aShortlistBecomesAnOpenPollOfAllActiveMembersCreatedByTheCommitteeMember() {
        Member committee = harness.members.findByStaffNo("C001").orElseThrow();
        String longIdea = "3. " + "每周四下午开一节教师瑜伽课".repeat(10);
        String reply = new IdeaShortlistPolls(service, harness.messages).createPoll("金点子评选：教工活动",
                List.of("1. 增设午休室", longIdea), harness.clock.instant().plus(Duration.ofDays(7)), committee);

        Poll poll = service.openPollsFor(committee).get(0);
        assertThat(reply).contains("第 " + service.id(poll) + " 号", "投 #" + service.id(poll));
        assertThat(poll.secret()).isFalse();
        assertThat(poll.spec().options()).hasSize(2).first().isEqualTo("1. 增设午休室");
        assertThat(poll.spec().options().get(1)).hasSize(IdeaShortlistPolls.MAX_OPTION).endsWith("…");
        assertThat(service.openPollsFor(harness.members.findByStaffNo("T001").orElseThrow())).contains(poll);
    }
}
