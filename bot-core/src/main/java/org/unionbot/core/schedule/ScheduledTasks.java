package org.unionbot.core.schedule;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All scheduled tasks by kind; two tasks claiming one kind fail at start-up. */
public final class ScheduledTasks {
    private static final System.Logger LOG = System.getLogger(ScheduledTasks.class.getName());
    private final Map<String, ScheduledTask> byKind = new HashMap<>();

    public ScheduledTasks(List<? extends ScheduledTask> tasks) {
        for (ScheduledTask task : tasks) {
            ScheduledTask previous = byKind.putIfAbsent(task.kind(), task);
            if (previous != null) {
                throw new IllegalStateException("two scheduled tasks claim the kind " + task.kind());
            }
        }
    }

    /**
     * Runs the task of the key's kind. A kind nobody handles any more (a feature removed) is logged and
     * dropped rather than retried forever.
     */
    public void run(TaskKey key, Instant scheduledFor) {
        ScheduledTask task = byKind.get(key.kind());
        if (task == null) {
            LOG.log(Level.WARNING, "no task handles kind {0}; dropped", key.kind());
            return;
        }
        task.run(key.id(), scheduledFor);
    }
}
