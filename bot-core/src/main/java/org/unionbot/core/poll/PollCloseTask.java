package org.unionbot.core.poll;

import java.time.Instant;
import org.unionbot.core.schedule.ScheduledTask;

/**
 * Closes a poll at its deadline. A late run (the service was down at the deadline) still closes: a poll
 * must not stay open past its deadline, and votes after it were already refused. Running twice is
 * harmless because closing is a conditional update.
 */
public final class PollCloseTask implements ScheduledTask {
    private final PollService service;
    private final PollAnnouncer announcer;

    public PollCloseTask(PollService service) {
        this(service, null);
    }

    /** With an announcer, the result is also posted to the poll's group chats. */
    public PollCloseTask(PollService service, PollAnnouncer announcer) {
        this.service = service;
        this.announcer = announcer;
    }

    @Override
    public String kind() {
        return PollService.CLOSE_TASK;
    }

    @Override
    public void run(String id, Instant scheduledFor) {
        long pollId = Long.parseLong(id);
        var poll = service.find(pollId);
        if (poll.isEmpty() || !poll.get().isOpen()) {
            return;
        }
        if (announcer != null) {
            announcer.close(pollId, PollService.SYSTEM);
        } else {
            service.close(pollId, PollService.SYSTEM);
        }
    }
}
